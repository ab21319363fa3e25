binned model with no bin for the transistor's length
* expect-error: line=6 code=unknown-model
.model nch.1 nmos level=1 lmin=0.1u lmax=1u wmin=0.1u wmax=10u
vdd d 0 1
vg g 0 1
m1 d g 0 0 nch l=5u w=1u
