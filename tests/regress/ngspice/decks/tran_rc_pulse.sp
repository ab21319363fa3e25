RC low-pass driven by one pulse
v1 in 0 pulse(0 1 0.2u 50n 50n 2u 10u)
r1 in out 1k
c1 out 0 1n
.tran 20n 6u
.end
