diode load inside a transconductance loop
.model dd d (is=1e-14)
vin in 0 0.5
g1 0 x in 0 1m
d1 x 0 dd
e1 out 0 x 0 -4
rl out 0 10k
.dc vin 0 2 0.2
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
