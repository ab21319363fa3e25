initial conditions and node sets
* expect: nodes=2 elements=3
v1 a 0 1
r1 a b 1k
c1 b 0 1n ic=0.2
.ic v(b)=0.5
.nodeset V(a)=1
.tran 1n 10u uic
.end
