EXP source into an RC
v1 in 0 exp(0 1 1u 0.5u 4u 1u)
r1 in out 1k
c1 out 0 200p
.tran 20n 10u
.end
