half-wave rectifier
* expect: nodes=2 elements=4
.model d1n4148 D(IS=2.52n RS=0.568 N=1.752 BV=100 IBV=100u CJO=4p VJ=0.75 M=0.333 TT=20n)
vs in 0 sin(0 5 1k)
d1 in out d1n4148
rl out 0 10k
cl out 0 1u
.tran 10u 5m
.end
