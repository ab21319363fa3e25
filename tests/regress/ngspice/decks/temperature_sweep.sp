temperature sweep of resistors with temperature coefficients
v1 in 0 1
r1 in out 1k tc1=2e-3 tc2=1e-5
r2 out 0 1k tc1=-1e-3
.dc temp -40 125 15
.end
