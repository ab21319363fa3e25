Programmable conductors: levels=5 in [0, 1m] snaps 0.37m to 0.25m, 2m clamps to 1m, r=4k is 0.25m
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.model g5 conductor gmin=0 gmax=1m levels=5
.model gc conductor gmax=1m
v1 a 0 0
x1 a m1 g5 g=0.37m
vm1 m1 0 0
x2 a m2 gc g=2m
vm2 m2 0 0
x3 a m3 gc r=4k
vm3 m3 0 0
.dc v1 0 1 0.1
.end
