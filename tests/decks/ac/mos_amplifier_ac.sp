NMOS common-source stage with a PMOS load, Meyer and junction capacitances (xbspice test deck)
vdd vdd 0 3.3
vin in 0 dc 1.1 ac 10m
rg in g 10k
m1 d g 0 0 nch w=10u l=1u ad=20p as=20p pd=24u ps=24u
m2 d pg vdd vdd pch w=20u l=1u
vpg pg 0 2.2
cl d 0 100f
.model nch nmos level=1 vto=0.7 kp=110u gamma=0.4 phi=0.7 lambda=0.04 cgso=0.3n cgdo=0.3n cbd=10f cbs=10f cj=0.5m mj=0.5 pb=0.9 tox=10n
.model pch pmos level=1 vto=-0.7 kp=40u gamma=0.5 phi=0.7 lambda=0.05 cgso=0.3n cgdo=0.3n tox=10n
.ac dec 5 1k 10g
.print ac vdb(d) vp(d) v(g)
.end
