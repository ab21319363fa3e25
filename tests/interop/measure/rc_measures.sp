RC low-pass under a pulse: measures xbspice and ngspice both evaluate
v1 in 0 pulse(0 1 1n 1n 1n 5n 20n)
r1 in out 1k
c1 out 0 1p
.tran 0.1n 20n
.measure tran tdelay TRIG v(in) VAL=0.5 RISE=1 TARG v(out) VAL=0.5 RISE=1
.measure tran tfall TRIG v(in) VAL=0.5 FALL=1 TARG v(out) VAL=0.5 FALL=1
.measure tran vmax MAX v(out)
.measure tran vmin MIN v(out) FROM=8n TO=20n
.measure tran f1 FIND v(out) AT=5n
.measure tran w1 WHEN v(out)=0.3 FALL=1
.measure tran ppv PP v(out)
.measure tran intv INTEG v(out) FROM=0 TO=10n
.measure tran fw FIND v(in) WHEN v(out)=0.5 RISE=1
.measure tran ratio PARAM='vmax/2'
.end
