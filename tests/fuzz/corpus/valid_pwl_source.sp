piecewise-linear sources with repeat and delay
* expect: nodes=2 elements=4
v1 a 0 pwl(0 0 1n 1 2n 1 3n 0) r td=5n
v2 b 0 PWL 0 0, 10n 1.5, 20n 0 R=0 TD=1n
r1 a 0 1k
r2 b 0 1k
.tran 0.1n 100n
.end
