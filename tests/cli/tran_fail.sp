Transient that cannot continue past the edge at 1 us (one Newton iteration per point)
.options itl4=1
v1 in 0 pulse(0 5 1u 1n 1n 1u 3u)
r1 in a 1k
d1 a 0 dd
c1 a 0 1p
.model dd d is=1e-14
.tran 10n 3u
.end
