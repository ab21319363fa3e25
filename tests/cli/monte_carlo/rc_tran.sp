RC step with a Monte Carlo capacitor: the 10-90 % rise time is ln(9) RC in every sample
.param cg=agauss(1n, 0.1n, 1)
v1 a 0 pulse(0 1 0 1n 1n 5u 10u)
r1 a b 1k
c1 b 0 cg
.tran 0.1u 5u sweep monte=3
.meas tran tr trig v(b) val=0.1 rise=1 targ v(b) val=0.9 rise=1
.meas tran ratio param='tr/(1k*cg)'
.end
