RC low-pass with a sine input, phase and delay
v1 in 0 sin(0.5 1 200k 1u 0 30)
r1 in out 2k
c1 out 0 470p
.tran 50n 20u
.end
