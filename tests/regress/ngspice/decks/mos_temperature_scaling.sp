MOSFETs over temperature: KP, VTO, PHI, IS (a reverse bulk junction), a PMOS measured at 40 C
.model nm nmos (level=1 vto=0.7 kp=110u gamma=0.45 phi=0.7 lambda=0.04 is=1e-14 pb=0.8 cj=3e-4 cjsw=5e-10 mj=0.5 mjsw=0.33)
.model pm pmos (level=1 vto=-0.8 kp=40u gamma=0.5 phi=0.65 lambda=0.05 tnom=40 is=2e-14)
vdd vdd 0 3
vin in 0 1.4
m1 out in 0 0 nm w=4u l=1u
m2 out in vdd vdd pm w=8u l=1u
vb b 0 -0.5
m3 d3 in s3 b nm w=2u l=1u
r3 vdd d3 20k
r4 s3 0 2k
vj j 0 0.68
m4 j 0 0 0 nm w=2u l=1u ad=4p as=4p
.options reltol=1e-9 abstol=1e-15 vntol=1e-12
.dc temp -40 125 15
.end
