statements after .end are not read
* expect: nodes=1 elements=2
v1 a 0 1
r1 a 0 1k
.op
.end
this is not a netlist line and must not be read
R9 x y
