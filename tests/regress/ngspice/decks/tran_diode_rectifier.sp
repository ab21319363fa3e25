Half-wave rectifier with a smoothing capacitor
v1 in 0 sin(0 5 1k)
d1 in out dmod
c1 out 0 10u
r1 out 0 1k
.model dmod d is=1e-14 n=1.05 rs=0.5 cjo=2p vj=0.7 m=0.4 tt=5n
.tran 10u 3m
.end
