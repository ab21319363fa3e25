output requests in many forms
* expect: nodes=2 elements=3
v1 a 0 1
r1 a b 1k
r2 b 0 1k
.dc v1 0 1 0.1
.print dc v(a) v(a,b) i(v1) i(r1) par('v(a)*2')
.probe dc v(*)
.probe v(b)
.save all
.end
