4x4 resistive crossbar with wire resistance and capacitance under PWL inputs
* generated once (seed 7): rows driven through 10 ohm, columns sensed into 100 ohm
vr1 in1 0 pwl(0 0 10n 0.3 200n 0.3 210n 0)
vr2 in2 0 pwl(0 0 10n 0.2 100n 0.2 110n -0.1 300n -0.1)
vr3 in3 0 pwl(0 0 50n 0 60n 0.25)
vr4 in4 0 pwl(0 0.1 150n 0.1 160n 0)
rin1 in1 r1_1 10
rr1_1 r1_1 r1_2 2
rr1_2 r1_2 r1_3 2
rr1_3 r1_3 r1_4 2
rin2 in2 r2_1 10
rr2_1 r2_1 r2_2 2
rr2_2 r2_2 r2_3 2
rr2_3 r2_3 r2_4 2
rin3 in3 r3_1 10
rr3_1 r3_1 r3_2 2
rr3_2 r3_2 r3_3 2
rr3_3 r3_3 r3_4 2
rin4 in4 r4_1 10
rr4_1 r4_1 r4_2 2
rr4_2 r4_2 r4_3 2
rr4_3 r4_3 r4_4 2
rc1_1 c1_1 c2_1 2
rc2_1 c2_1 c3_1 2
rc3_1 c3_1 c4_1 2
rsense1 c4_1 0 100
rc1_2 c1_2 c2_2 2
rc2_2 c2_2 c3_2 2
rc3_2 c3_2 c4_2 2
rsense2 c4_2 0 100
rc1_3 c1_3 c2_3 2
rc2_3 c2_3 c3_3 2
rc3_3 c3_3 c4_3 2
rsense3 c4_3 0 100
rc1_4 c1_4 c2_4 2
rc2_4 c2_4 c3_4 2
rc3_4 c3_4 c4_4 2
rsense4 c4_4 0 100
rx1_1 r1_1 c1_1 5000
cwr1_1 r1_1 0 5f
cwc1_1 c1_1 0 5f
rx1_2 r1_2 c1_2 2000
cwr1_2 r1_2 0 5f
cwc1_2 c1_2 0 5f
rx1_3 r1_3 c1_3 10000
cwr1_3 r1_3 0 5f
cwc1_3 c1_3 0 5f
rx1_4 r1_4 c1_4 1000
cwr1_4 r1_4 0 5f
cwc1_4 c1_4 0 5f
rx2_1 r2_1 c2_1 1000
cwr2_1 r2_1 0 5f
cwc2_1 c2_1 0 5f
rx2_2 r2_2 c2_2 20000
cwr2_2 r2_2 0 5f
cwc2_2 c2_2 0 5f
rx2_3 r2_3 c2_3 1000
cwr2_3 r2_3 0 5f
cwc2_3 c2_3 0 5f
rx2_4 r2_4 c2_4 5000
cwr2_4 r2_4 0 5f
cwc2_4 c2_4 0 5f
rx3_1 r3_1 c3_1 20000
cwr3_1 r3_1 0 5f
cwc3_1 c3_1 0 5f
rx3_2 r3_2 c3_2 1000
cwr3_2 r3_2 0 5f
cwc3_2 c3_2 0 5f
rx3_3 r3_3 c3_3 20000
cwr3_3 r3_3 0 5f
cwc3_3 c3_3 0 5f
rx3_4 r3_4 c3_4 2000
cwr3_4 r3_4 0 5f
cwc3_4 c3_4 0 5f
rx4_1 r4_1 c4_1 1000
cwr4_1 r4_1 0 5f
cwc4_1 c4_1 0 5f
rx4_2 r4_2 c4_2 1000
cwr4_2 r4_2 0 5f
cwc4_2 c4_2 0 5f
rx4_3 r4_3 c4_3 10000
cwr4_3 r4_3 0 5f
cwc4_3 c4_3 0 5f
rx4_4 r4_4 c4_4 10000
cwr4_4 r4_4 0 5f
cwc4_4 c4_4 0 5f
.tran 1n 320n
.end
