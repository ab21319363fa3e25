antiparallel diodes as a limiter, swept both ways
.model dl d (is=1e-12 n=1.9)
vin in 0 0
rs in out 1k
d1 out 0 dl
d2 0 out dl
rl out 0 100k
.dc vin -3 3 0.25
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
