non-inverting amplifier from a VCVS
vin in 0 0.1
e1 out 0 in fb 1e5
rf out fb 9k
rg fb 0 1k
rl out 0 2k
.dc vin -0.5 0.5 0.1
.end
