parameter defined by itself
* expect-error: line=3 code=param-cycle
.param n='n+1'
v1 x 0 1
r1 x 0 n
