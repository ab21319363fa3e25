parameter that is never defined
* expect-error: line=5 code=undefined-param
.param r0=1k
v1 a 0 1
r1 a 0 'r0*scale'
