a BSIM card with version=3.3.0: the card reads, and the MOSFET level is the error
v1 d 0 1
v2 g 0 1
.model n1 nmos level=8 version=3.3.0 tox=1e-8
m1 d g 0 0 n1 l=1u w=1u
.op
.end
