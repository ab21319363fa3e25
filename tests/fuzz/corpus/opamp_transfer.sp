opamp open loop (v(o1) = vsat*tanh(gain*(vp-vn)/vsat)) and an inverting amplifier of gain -2
* from models/crossbar.lib (exact: -2*vin/(1 + 3/gain) while unsaturated)
*REGRESS v(o1) rel=1e-9 abs=1e-12
*REGRESS v(o2) rel=1e-9 abs=1e-12
.include '../../../models/crossbar.lib'
.model amp opamp gain=1000 vsat=3
vin in 0 0
x1 in 0 o1 amp
ro1 o1 0 1k
x2 in o2 inv_amp rin=1k rf=2k
.dc vin -10m 10m 0.2m
.end
