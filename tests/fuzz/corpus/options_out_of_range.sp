mo
.options maxord=1e300 itl4=-5 itl1=nan
v1 a 0 pulse(0 1 0 1n 1n 1u 2u)
r1 a b 1k
c1 b 0 1n
.tran 10n 2u
.end
