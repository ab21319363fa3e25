* Exported to ngspice: an S switch given ON inside its band, a W switch, one switch per model
* default; the transient compared with xbspice's own.
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
r4 supply d 10k
s4 d 0 mid 0 smod on
.model smod sw(vt=2.5 vh=0.5 ron=10k roff=1meg)
.model wmod csw(it=1m ih=0.5m ron=5k roff=10meg)
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.save v(a) v(b) v(d)
.tran 1u 2.4m 0 1u
.end
