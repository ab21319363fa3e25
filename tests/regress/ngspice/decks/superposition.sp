two voltage sources and a current source superposed
v1 a 0 12
v2 c 0 -5
i1 0 b 2m
r1 a b 4.7k
r2 b c 2.2k
r3 b 0 10k
.dc v1 0 12 3 v2 -5 5 5
.end
