resistor bridge with temperature coefficients at 75 degrees
.temp 75
v1 in 0 5
r1 in a 1k tc1=3.9e-3
r2 a 0 1k
r3 in b 1k
r4 b 0 1k tc1=-2e-4 tc2=1e-6
rab a b 10k
.op
.end
