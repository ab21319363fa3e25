Underdamped series RLC ringing after a step
v1 in 0 pulse(0 1 0 1n 1n 1 2)
r1 in a 10
l1 a b 10u
c1 b 0 1n
.tran 5n 3u
.end
