sine and exponential sources with AC specs
* expect: nodes=3 elements=5
v1 a 0 sin(0 1 1meg 0 0 90) ac 1
v2 b 0 exp(0 1 1n 5n 20n 10n)
i1 0 c dc 1m ac 0.5 45
r1 a b 1k
r2 c 0 1k
.tran 1n 1u
.end
