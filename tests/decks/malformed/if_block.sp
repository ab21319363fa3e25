a conditional block inside a subcircuit (its parameters differ per instance)
* expect-error: line=5 code=unsupported
.subckt cell a b corner=1
r0 a b 10k
.if (corner == 1)
r1 a b 1k
.endif
.ends
x1 n 0 cell
v1 n 0 1
.op
.end
