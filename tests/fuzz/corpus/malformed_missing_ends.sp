subcircuit never closed
* expect-error: line=4 code=missing-ends
v1 x 0 1
.subckt open a b
r1 a b 1k
