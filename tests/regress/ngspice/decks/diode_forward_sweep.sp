diode I-V through a series resistor, forward and reverse
.model dx d (is=2.52n n=1.752 rs=0.568)
v1 a 0 0
r1 a k 100
d1 k 0 dx
.dc v1 -2 2 0.1
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
