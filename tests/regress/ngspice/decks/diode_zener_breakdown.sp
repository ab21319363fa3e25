zener regulator through breakdown: BV and IBV
.model dz d (is=1e-14 n=1 bv=5.1 ibv=1m)
vin in 0 0
rs in k 220
d1 0 k dz
rl k 0 10k
.dc vin -2 12 0.5
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
