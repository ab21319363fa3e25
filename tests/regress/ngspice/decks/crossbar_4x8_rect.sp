4x8 rectangular crossbar with wires (bench generator, seed 5)
vin0 in0 0 dc 0.1
rsrc0 in0 c0_0 100
vin1 in1 0 dc 0.1
rsrc1 in1 c0_1 100
vin2 in2 0 dc 0.1
rsrc2 in2 c0_2 100
vin3 in3 0 dc 0.1
rsrc3 in3 c0_3 100
vin4 in4 0 dc 0.1
rsrc4 in4 c0_4 100
vin5 in5 0 dc 0.1
rsrc5 in5 c0_5 100
vin6 in6 0 dc 0.1
rsrc6 in6 c0_6 100
vin7 in7 0 dc 0.1
rsrc7 in7 c0_7 100
rx0_0 c0_0 r0_0 742.269491
rwc0_0 c0_0 c1_0 1
rwr0_0 r0_0 r0_1 1
rx0_1 c0_1 r0_1 12469.7236
rwc0_1 c0_1 c1_1 1
rwr0_1 r0_1 r0_2 1
rx0_2 c0_2 r0_2 2206.72861
rwc0_2 c0_2 c1_2 1
rwr0_2 r0_2 r0_3 1
rx0_3 c0_3 r0_3 739.128566
rwc0_3 c0_3 c1_3 1
rwr0_3 r0_3 r0_4 1
rx0_4 c0_4 r0_4 5441.7063
rwc0_4 c0_4 c1_4 1
rwr0_4 r0_4 r0_5 1
rx0_5 c0_5 r0_5 5109.93907
rwc0_5 c0_5 c1_5 1
rwr0_5 r0_5 r0_6 1
rx0_6 c0_6 r0_6 3808.77189
rwc0_6 c0_6 c1_6 1
rwr0_6 r0_6 r0_7 1
rx0_7 c0_7 r0_7 726.427927
rwc0_7 c0_7 c1_7 1
rx1_0 c1_0 r1_0 629.470674
rwc1_0 c1_0 c2_0 1
rwr1_0 r1_0 r1_1 1
rx1_1 c1_1 r1_1 2263.89856
rwc1_1 c1_1 c2_1 1
rwr1_1 r1_1 r1_2 1
rx1_2 c1_2 r1_2 9337.60239
rwc1_2 c1_2 c2_2 1
rwr1_2 r1_2 r1_3 1
rx1_3 c1_3 r1_3 873.525569
rwc1_3 c1_3 c2_3 1
rwr1_3 r1_3 r1_4 1
rx1_4 c1_4 r1_4 1780.04351
rwc1_4 c1_4 c2_4 1
rwr1_4 r1_4 r1_5 1
rx1_5 c1_5 r1_5 540.749891
rwc1_5 c1_5 c2_5 1
rwr1_5 r1_5 r1_6 1
rx1_6 c1_6 r1_6 1759.74187
rwc1_6 c1_6 c2_6 1
rwr1_6 r1_6 r1_7 1
rx1_7 c1_7 r1_7 1660.082
rwc1_7 c1_7 c2_7 1
rx2_0 c2_0 r2_0 3361.26575
rwc2_0 c2_0 c3_0 1
rwr2_0 r2_0 r2_1 1
rx2_1 c2_1 r2_1 1126.46953
rwc2_1 c2_1 c3_1 1
rwr2_1 r2_1 r2_2 1
rx2_2 c2_2 r2_2 517.081826
rwc2_2 c2_2 c3_2 1
rwr2_2 r2_2 r2_3 1
rx2_3 c2_3 r2_3 591.640931
rwc2_3 c2_3 c3_3 1
rwr2_3 r2_3 r2_4 1
rx2_4 c2_4 r2_4 1176.54274
rwc2_4 c2_4 c3_4 1
rwr2_4 r2_4 r2_5 1
rx2_5 c2_5 r2_5 634.967518
rwc2_5 c2_5 c3_5 1
rwr2_5 r2_5 r2_6 1
rx2_6 c2_6 r2_6 5705.30265
rwc2_6 c2_6 c3_6 1
rwr2_6 r2_6 r2_7 1
rx2_7 c2_7 r2_7 993.754204
rwc2_7 c2_7 c3_7 1
rx3_0 c3_0 r3_0 1869.80968
rwr3_0 r3_0 r3_1 1
rx3_1 c3_1 r3_1 681.819229
rwr3_1 r3_1 r3_2 1
rx3_2 c3_2 r3_2 2367.72932
rwr3_2 r3_2 r3_3 1
rx3_3 c3_3 r3_3 1018.41138
rwr3_3 r3_3 r3_4 1
rx3_4 c3_4 r3_4 10555.4075
rwr3_4 r3_4 r3_5 1
rx3_5 c3_5 r3_5 726.047037
rwr3_5 r3_5 r3_6 1
rx3_6 c3_6 r3_6 585.428041
rwr3_6 r3_6 r3_7 1
rx3_7 c3_7 r3_7 6040.08534
rsense0 r0_7 0 100
rsense1 r1_7 0 100
rsense2 r2_7 0 100
rsense3 r3_7 0 100
.dc vin0 0 0.1 0.01
.end
