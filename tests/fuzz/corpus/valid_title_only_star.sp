*CF deck whose title line looks like a comment
* expect: nodes=1 elements=2
v1 a 0 1
r1 a 0 1k
.op
.end
