a conditional block (every branch would be kept)
* expect-error: line=4 code=unsupported
.param corner=1
.if (corner == 1)
r1 a 0 1k
.else
r1 a 0 2k
.endif
v1 a 0 1
.op
.end
