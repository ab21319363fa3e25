Pulsed current source into a parallel RC
i1 0 a pulse(0 1m 0.5u 10n 10n 1u 3u)
r1 a 0 2k
c1 a 0 500p
.tran 20n 9u
.end
