deck whose second analysis fails: nodes c and d form an island once .alter moves r2
v1 a 0 1
r1 a b 1k
r2 b 0 1k
.dc v1 0 1 0.5
.alter
r2 c d 1k
.end
