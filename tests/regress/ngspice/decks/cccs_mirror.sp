current-controlled current source as an ideal mirror
vs a 0 2
rs a b 1k
vsense b 0 0
f1 0 out vsense 4
rl out 0 500
.dc vs 0 4 1
.end
