MOSFET differential pair, transfer curve at default tolerances
.model nch nmos (level=1 vto=0.7 kp=110u gamma=0.4 phi=0.65 lambda=0.04)
vdd vdd 0 3.3
vcm cm 0 1.6
vid inp cm 0
eneg inn cm inp cm -1
rd1 vdd o1 10k
rd2 vdd o2 10k
m1 o1 inp tail 0 nch w=10u l=1u
m2 o2 inn tail 0 nch w=10u l=1u
itail tail 0 200u
.dc vid -0.3 0.3 0.02
.end
