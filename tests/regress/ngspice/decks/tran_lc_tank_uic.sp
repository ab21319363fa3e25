LC tank started from initial conditions (UIC)
l1 a 0 1u ic=0
c1 a 0 1n ic=1
r1 a 0 100k
.tran 2n 1u uic
.end
