CMOS inverter transient at 100 C
.model nm nmos (level=1 vto=0.7 kp=110u gamma=0.45 phi=0.7 lambda=0.04 tox=20n cgso=0.3n cgdo=0.3n cj=3e-4 cjsw=5e-10 mj=0.5 mjsw=0.33 pb=0.8)
.model pm pmos (level=1 vto=-0.8 kp=40u gamma=0.5 phi=0.65 lambda=0.05 tox=20n cgso=0.3n cgdo=0.3n cj=4e-4 cjsw=4e-10 tnom=40)
vdd vdd 0 3
vin in 0 pulse(0 3 1n 2n 2n 10n 30n)
m1 out in 0 0 nm w=4u l=1u ad=8p as=8p pd=12u ps=12u
m2 out in vdd vdd pm w=8u l=1u ad=16p as=16p pd=20u ps=20u
cl out 0 20f
.temp 100
.tran 0.05n 40n
.end
