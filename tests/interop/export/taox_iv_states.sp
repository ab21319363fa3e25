TaOx I-V at four held states (DC): closed form i = v*(Gm*x + a*exp(b*sqrt|v|)*(1-x))
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.model tx taox
v1 a 0 0
x1 a m1 tx x0=0.05
vm1 m1 0 0
x2 a m2 tx x0=0.3
vm2 m2 0 0
x3 a m3 tx x0=0.7
vm3 m3 0 0
x4 a m4 tx x0=1
vm4 m4 0 0
.dc v1 -1 1 0.02
.end
