full-wave diode bridge into a load, DC sweep of the input
.model dbr d (is=1e-14 n=1)
vin p n 0
rsrc n 0 1meg
d1 p op dbr
d2 n op dbr
d3 on p dbr
d4 on n dbr
rl op on 1k
rref on 0 1meg
.dc vin -5 5 0.5
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
