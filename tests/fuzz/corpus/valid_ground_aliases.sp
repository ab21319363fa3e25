every ground alias is node 0
* expect: nodes=1 elements=5
v1 a gnd 1
r1 a 0 1k
r2 a GND! 1k
r3 a ground 1k
r4 a Gnd 1k
.op
.end
