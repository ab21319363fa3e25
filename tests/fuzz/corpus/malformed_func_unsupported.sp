user function definitions are not supported
* expect-error: line=3 code=unsupported
.func f(x) '2*x'
v1 x 0 1
r1 x 0 1k
