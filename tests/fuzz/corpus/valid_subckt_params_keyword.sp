subcircuit parameters with and without PARAMS:
* expect: nodes=2 elements=4
.subckt divider top mid bot params: ratio=0.5 rtot=10k
rt top mid 'rtot*(1-ratio)'
rb mid bot 'rtot*ratio'
.ends divider
.subckt load a b r=1k
rl a b r
.ends
v1 in 0 1
x1 in out 0 divider ratio=0.25
x2 out 0 load r=2k
.op
.end
