alter blocks change parameters, elements and temperature
* expect: nodes=2 elements=3
.param rl=1k
v1 a 0 1
r1 a b 1k
r2 b 0 rl
.temp 25
.op
.alter
.param rl=2k
.alter hot
.temp 85
r1 a b 500
.end
