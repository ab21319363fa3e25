* S and W switches against ngspice. A pulse on ctl (1 us edges) turns S1 on above
* vt+vh = 3 V and off below vt-vh = 2 V; W1, controlled by the current of vsense (5 mA when
* ctl is high), on above 1.5 mA and off below 0.5 mA; S3 (the default model: RON 1, ROFF
* 1/GMIN, VT 0, VH 0) reads ctl - mid. Each discharges a capacitor slowly (time constants of
* 0.3 to 1 ms), so that where within a few ns of the control's edge each simulator puts the
* switching instant moves the waveforms by less than 1e-4 of their range. S4 and S5 sit at
* 2.5 V, inside their hysteresis band, through the operating point and the transient: S4 is
* given ON and stays on, S5 stays off.
vp ctl 0 pulse(0 5 0.2m 1u 1u 0.5m 1.2m)
rctl ctl sense 1k
vsense sense 0 0
vmid mid 0 2.5
vs supply 0 10
r1 supply a 10k
c1 a 0 100n
s1 a 0 ctl 0 smod
r2 supply b 10k
c2 b 0 100n
w1 b 0 vsense wmod
r3 supply c 10k
c3 c 0 100n
s3 c c3 ctl mid sdefault
rc3 c3 0 10k
r4 supply d 10k
s4 d 0 mid 0 smod on
r5 supply e 10k
s5 e 0 mid 0 smod off
.model smod sw(vt=2.5 vh=0.5 ron=10k roff=1meg)
.model wmod csw(it=1m ih=0.5m ron=5k roff=10meg)
.model sdefault sw
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.save v(ctl) v(a) v(b) v(c) v(d) v(e) i(vs) i(vsense)
.op
.tran 1u 2.4m 0 1u
.end
