a user Verilog-A module xbspice does not have
* expect-error: line=3 code=unsupported
.hdl "biolek_memristor.va"
v1 a 0 1
r1 a 0 1k
.op
.end
