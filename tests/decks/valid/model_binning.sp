HSPICE binned models: nch resolves to the bin holding each transistor's L and W
* expect: nodes=3 elements=4
.model nch.1 nmos level=1 lmin=0.1u lmax=1u wmin=0.1u wmax=10u vto=0.4
.model nch.2 nmos level=1 lmin=1u lmax=10u wmin=0.1u wmax=10u vto=0.5
vdd d 0 1
vg g 0 1
m1 d g s 0 nch l=0.5u w=1u
m2 d g s 0 nch l=2u w=1u
