measure statements are parsed and kept
* expect: nodes=2 elements=3
.param vdd_50=0.5
vin in 0 pulse(0 1 0 1n 1n 10n 20n)
r1 in out 1k
c1 out 0 1p
.tran 0.1n 40n
.measure tran tdelay trig v(in) val=vdd_50 rise=1 targ v(out) val=vdd_50 rise=1
.meas tran vmax max v(out)
.measure tran avgv avg v(out) from=0 to=20n
.meas tran tcross when v(out)='vdd_50' rise=1
+ td=1n
.end
