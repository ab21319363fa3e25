nested DC sweep of two sources
v1 a 0 0
v2 b 0 0
r1 a m 1k
r2 b m 2k
r3 m 0 3k
.dc v1 0 1 0.25 v2 -1 1 1
.end
