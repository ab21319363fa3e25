diode junction charge at 100 C
.model dm d (is=1e-14 n=1 cjo=10p vj=0.7 m=0.4 tt=0)
v1 in 0 pulse(0 -5 1n 10n 10n 50n 200n)
r1 in a 1k
d1 a 0 dm
.temp 100
.tran 0.1n 100n
.end
