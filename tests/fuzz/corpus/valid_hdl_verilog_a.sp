HSPICE Verilog-A deck: .hdl recorded, X line names the module model
* expect: nodes=2 elements=3
.hdl "taox.va"
.model mem taox
vin a 0 0.2
rser a b 1k
xmem b 0 mem x0=0.5
.tran 1n 100n
.end
