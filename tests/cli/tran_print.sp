RC step printed on the tstep grid
v1 in 0 pwl(0 0 1n 1)
r1 in out 1k
c1 out 0 1n
.print tran v(out)
.tran 0.5u 2u
.end
