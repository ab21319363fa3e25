opamp open loop (v(o1) = vsat*tanh(gain*(vp-vn)/vsat)) and an inverting amplifier of gain -2
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
* from models/crossbar.lib (exact: -2*vin/(1 + 3/gain) while unsaturated)
.include '../../../models/crossbar.lib'
.model amp opamp gain=1000 vsat=3
vin in 0 0
x1 in 0 o1 amp
ro1 o1 0 1k
x2 in o2 inv_amp rin=1k rf=2k
.dc vin -10m 10m 0.2m
.end
