2x2 crossbar built from programmable cell subcircuits
* expect: nodes=4 elements=8
.param gon=1m goff=10u
.subckt cell top bot params: g=gon
rcell top bot '1/g'
.ends
vc1 c1 0 0.1
vc2 c2 0 0.2
x11 c1 r1 cell
x12 c2 r1 cell g=goff
x21 c1 r2 cell g=goff
x22 c2 r2 cell
rs1 r1 0 100
rs2 r2 0 100
.op
.print v(r1) v(r2)
.end
