k
v1 a 0 pwl(0 0 1n 1)
r1 a b 1
l1 b 0 1u
l2 c 0 1u
r2 c 0 1
k1 l1 l2 1.5
.tran 1n 10n
.end
