subcircuit defined inside a subcircuit
* expect: nodes=4 elements=6
.subckt outer a b
.subckt inner p q
r1 p q 1k
.ends inner
xi1 a m inner
xi2 m b inner
.ends outer
v1 in 0 1
x1 in 0 outer
x2 in out outer
rload out 0 1k
.op
.end
