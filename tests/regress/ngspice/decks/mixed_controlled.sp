all four controlled sources in one circuit
v1 in 0 1
r1 in a 1k
vs a b 0
r2 b 0 2k
e1 e 0 a 0 3
re e 0 10k
g1 0 g b 0 1m
rg g 0 3k
f1 0 f vs 2
rf f 0 1k
h1 h 0 vs 500
rh h 0 1k
.op
.dc v1 -2 2 1
.end
