piecewise-linear sources with repeat nodes=2 elements=4
v1 a 0 pwl(0 0 1.contron 1 2n 1 3n 0r ) td=5n
v2\\?\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\T\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\ b 0 PWL 0 0, 10n 1.5, 20n 0 R=0 ¥D=1n
r1 a 0 1k
r2 b 0 1k
.tran 0.1j 10+0n
.end
