operator without an operand
* expect-error: line=3 code=expression
.param a='1 + * 2'
v1 x 0 1
r1 x 0 1k
