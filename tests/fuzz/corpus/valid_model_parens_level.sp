model cards with parentheses, level and continuation lines
* expect: nodes=3 elements=5
.MODEL NMOD NMOS LEVEL = 1
+ VTO = 0.7 KP = 110U
+ GAMMA = 0.4 LAMBDA = 0.04 PHI = 0.7
.model pmod pmos (
+ level=1 vto=-0.7
+ kp=50u )
.model dz d is=1e-14 bv=5.1 ibv=1m
vdd vdd 0 5
vin in 0 2
m1 out in 0 0 nmod w=10u l=1u
m2 out in vdd vdd pmod w=20u l=1u
dz1 0 vdd dz
.op
.end
