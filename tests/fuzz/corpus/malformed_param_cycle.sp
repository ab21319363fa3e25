circular parameter definitions
* expect-error: line=3 code=param-cycle
.param a='b+1'
.param b='c*2'
.param c='a'
v1 x 0 1
r1 x 0 'a'
