.ends without .subckt
* expect-error: line=5 code=unexpected-ends
v1 x 0 1
r1 x 0 1k
.ends
