Source and initial-condition spellings: SINE(), .ic v(n) value without '=', DISTOF1/DISTOF2
v1 a 0 sine(0 1 1k 0 0 30)
r1 a m 1k
c1 m 0 0.2u
v2 b 0 dc 0.5 ac 1 distof1 0.1 distof2 0.2 90
r2 b n 1k
c2 n 0 0.1u
.ic v(m) 0.5 v(n) -0.25
.tran 10u 2m uic
.end
