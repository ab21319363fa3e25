PWL repeating every 2 ns over 10 s
v1 a 0 pwl(0 0 1n 1 2n 0) r=0
r1 a 0 1k
c1 a 0 1p
.tran 0.1 10
.end
