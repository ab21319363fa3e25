3x3 TaOx crossbar read: word-line voltages swept, column currents sensed at virtual ground
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.model tx taox
.model g conductor
v1 r1 0 0
v2 r2 0 0.1
v3 r3 0 -0.05
x11 r1 c1 tx x0=0.1
x12 r1 c2 tx x0=0.5
x13 r1 c3 tx g0=5m
x21 r2 c1 tx x0=0.9
x22 r2 c2 tx x0=0.3
x23 r2 c3 tx x0=0.7
x31 r3 c1 tx x0=0.2
x32 r3 c2 tx x0=0.6
x33 r3 c3 tx x0=0.4
* columns into 0 V sense sources through wire conductances
xw1 c1 s1 g g=10
xw2 c2 s2 g g=10
xw3 c3 s3 g g=10
vs1 s1 0 0
vs2 s2 0 0
vs3 s3 0 0
.dc v1 -0.2 0.2 0.02
.end
