* A measure of par('expression') with no .print or .save: the expression is recorded for it
* (v(a) = 0.5 V and v(b) = 0.25 V at 0.5 ms).
v1 a 0 pwl(0 0 1m 1)
r1 a b 1k
r2 b 0 1k
.tran 10u 1m
.measure tran vtest find par('v(a)*v(b)') at=0.5m
.measure tran tvtest when par('v(a)*v(b)')=0.125
.measure tran tcross when v(a)=v(c) rise=1
v2 c 0 0.4
.end
