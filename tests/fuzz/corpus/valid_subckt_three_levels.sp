parameters passed down three levels
* expect: nodes=3 elements=4
.param scale=2
.subckt leaf a b params: r=1
rl a b 'r*scale'
.ends
.subckt mid a b params: r=10
xl a b leaf r='r*10'
.ends
.subckt top a b c
xm1 a b mid r=5
xm2 b c mid
.ends
v1 in 0 1
xt in m out top
rload out 0 1k
.op
.end
