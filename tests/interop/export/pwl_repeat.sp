PWL with repeat and delay driving an RC
v1 in 0 pwl(0 0 0.5u 1 1u 1 1.2u 0 2u 0) r=0 td=0.3u
r1 in out 500
c1 out 0 1n
.tran 20n 8u
.end
