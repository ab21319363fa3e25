linear controlled sources E F G H
* expect: nodes=6 elements=9
vin in 0 1
rin in 0 1k
vsense in x 0
rx x 0 1k
e1 e 0 in 0 2
g1 0 g in 0 1m
rg g 0 1k
f1 f 0 vsense 3
h1 h 0 vsense 100
.op
.end
