* .four of a node the circuit does not have: an error at `check`.
v1 in 0 sin(0 1 1k)
r1 in 0 1k
.tran 10u 4m
.four 1k v(in) v(nowhere)
.end
