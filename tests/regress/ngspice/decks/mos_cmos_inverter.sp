CMOS inverter transfer curve
.model nch nmos (level=1 vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.05)
.model pch pmos (level=1 vto=-0.65 kp=45u gamma=0.5 phi=0.7 lambda=0.06)
vdd vdd 0 1.8
vin in 0 0
mp out in vdd vdd pch w=4u l=0.5u
mn out in 0 0 nch w=1.5u l=0.5u
.dc vin 0 1.8 0.05
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
