nested DC sweep, SPICE order (first source innermost)
* expect: nodes=2 elements=4
v1 a 0 0
v2 b 0 0
r1 a b 1k
r2 b 0 2k
.dc v1 0 1 0.1 v2 0 2 0.5
.print dc v(a,b) i(v1)
.end
