PMOS source follower with reversed drain and source during the sweep
.model pch pmos (level=1 vto=-0.8 kp=40u gamma=0.35 phi=0.65 lambda=0.03)
vdd vdd 0 2.5
vin g 0 0
rs vdd s 20k
mp 0 g s s pch w=8u l=1u
vx x 0 1
mq x g s vdd pch w=2u l=1u
.dc vin 0 2.5 0.1
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
