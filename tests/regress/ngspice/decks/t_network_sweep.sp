T and pi attenuators in cascade, swept input
vin in 0 0
r1 in a 150
r2 a 0 37.5
r3 a b 150
r4 b 0 600
r5 b out 75
r6 out 0 600
.dc vin -10 10 2.5
.end
