transconductance stage
vin in 0 1
rin in 0 1meg
g1 0 out in 0 2m
rl out 0 4.7k
.dc vin 0 2 0.5
.end
