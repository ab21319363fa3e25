unbalanced Wheatstone bridge
vs top 0 10
r1 top a 1k
r2 top b 1.2k
r3 a 0 2k
r4 b 0 1.9k
rg a b 50
.op
.end
