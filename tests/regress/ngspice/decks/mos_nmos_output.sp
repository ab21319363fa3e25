NMOS output characteristics: drain sweep nested in gate sweep, body effect
.model nch nmos (level=1 vto=0.7 kp=110u gamma=0.45 phi=0.7 lambda=0.04)
vd d 0 0
vg g 0 0
vb b 0 -0.5
m1 d g 0 b nch w=10u l=1u
.dc vd 0 3 0.25 vg 0 3 1
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
