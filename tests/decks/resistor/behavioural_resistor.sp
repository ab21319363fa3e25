Resistors whose value reads node voltages: a memristor-like divider and a voltage-dependent load (xbspice test deck)
.param ron=100 roff=16k
v1 in 0 dc 1
vq q 0 dc 0.3
r1 in mid R='ron*v(q) + roff*(1-v(q))'
r2 mid 0 r={1k + 500*v(mid)}
.options reltol=1e-10 abstol=1e-18 vntol=1e-14
.dc v1 0 2 0.25 vq 0 1 0.5
.print dc v(mid) i(r1) i(r2) i(v1)
.end
