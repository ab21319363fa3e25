transformer with coupled inductors
* expect: nodes=3 elements=6
vs in 0 sin(0 1 10k)
rs in p 10
lp p 0 100u
ls s 0 25u
k1 lp ls 0.99
rl s 0 50
.tran 1u 500u
.end
