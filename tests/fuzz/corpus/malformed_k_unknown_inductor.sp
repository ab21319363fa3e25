mutual inductance naming a missing inductor
* expect-error: line=6 code=unknown-reference
v1 x 0 sin(0 1 1k)
l1 x 0 1m
r1 x 0 1k
k1 l1 l2 0.9
