diode clamp and a diode-connected divider at the operating point
.model d1n d (is=1e-15 n=1.05)
vs in 0 5
r1 in a 1k
d1 a 0 d1n 2
r2 in b 10k
d2 b c d1n
d3 c 0 d1n
.op
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
