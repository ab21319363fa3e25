resistive divider operating point
v1 in 0 dc 5
r1 in out 10k
r2 out 0 3.3k
.op
.end
