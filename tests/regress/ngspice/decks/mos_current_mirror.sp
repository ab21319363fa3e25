NMOS current mirror with a resistive load, supply sweep
.model nch nmos (level=1 vto=0.5 kp=200u lambda=0.02)
vdd vdd 0 3
iref vdd a 50u
m1 a a 0 0 nch w=5u l=1u
m2 out a 0 0 nch w=10u l=1u
rl vdd out 10k
.dc vdd 1 5 0.5
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
