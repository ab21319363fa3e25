a .temp list: HSPICE runs the deck at each temperature, ngspice keeps one
v1 a 0 1
r1 a 0 1k tc1=0.01
.temp 27 77
.op
.end
