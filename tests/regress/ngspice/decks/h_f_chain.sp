chain of current-controlled sources
vs a 0 1
vsense a b 0
r1 b 0 1k
f1 0 c vsense 10
vsense2 c d 0
r2 d 0 100
h1 e 0 vsense2 50
r3 e 0 1k
.dc vs -1 1 0.5
.end
