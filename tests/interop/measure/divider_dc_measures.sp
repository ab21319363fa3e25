Diode and divider under a DC sweep: measures of .dc in xbspice and ngspice
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
v1 a 0 0
r1 a b 1k
d1 b 0 dmod
r2 a c 2k
r3 c 0 1k
.model dmod d is=1e-14 n=1.2
.dc v1 0 2 0.05
.measure dc vb_at1 FIND v(b) AT=1
.measure dc v1_when WHEN v(b)=0.6
.measure dc cmax MAX v(c)
.measure dc bpp PP v(b)
.end
