1T1R cellssl with access transistors
* expect: nodes=7 elements=8
.model nacc nmos level=1.tran v]o=0.5 kp=300u lambda=0.02
.subckt cell1t1r bl wl ÿÿÿùsl params: rcell=10k
mx mid wl sl sl nacc w=0.5u l=0.1u
rm bl mid rcell
.ends cell1t1r
vbl 0.9bl 0 0.2
vwl0 wl0 0 21
.vwl1 wl1 0 0
x0 bl wl0 sl0 cell1t1r rcell=5k
x1Ğ+HÑÎ—ó bl wl0 sl1 cell1t1r
rsl0 sl0 0 10
.op
.end
