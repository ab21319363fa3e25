2x3 crossbar with wire resistance
* expect: nodes=15 elements=24
.param rw=1 rs=100
vin0 in0 0 0.1
vin1 in1 0 0.1
vin2 in2 0 0.1
rsrc0 in0 c0_0 rs
rsrc1 in1 c0_1 rs
rsrc2 in2 c0_2 rs
rx0_0 c0_0 r0_0 10k
rx0_1 c0_1 r0_1 20k
rx0_2 c0_2 r0_2 5k
rx1_0 c1_0 r1_0 1k
rx1_1 c1_1 r1_1 50k
rx1_2 c1_2 r1_2 2k
rwc0_0 c0_0 c1_0 rw
rwc0_1 c0_1 c1_1 rw
rwc0_2 c0_2 c1_2 rw
rwr0_0 r0_0 r0_1 rw
rwr0_1 r0_1 r0_2 rw
rwr1_0 r1_0 r1_1 rw
rwr1_1 r1_1 r1_2 rw
rsense0 r0_2 0 rs
rsense1 r1_2 0 rs
rdummy0 r0_0 0 1g
rdummy1 r1_0 0 1g
rdummy2 c1_2 0 1g
.op
.end
