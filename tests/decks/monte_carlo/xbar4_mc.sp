4x4 crossbar Monte Carlo (HSPICE form)
* 4x4 resistive crossbar, cell conductances drawn per instance (agauss), wires 10 ohm
.subckt cell top bot
.param g=agauss(1e-4, 1e-5, 1)
rcell top bot '1/g'
.ends
vin0 in0 0 0.1
rs0 in0 r0_0 10
rr0_0 r0_0 r0_1 10
rr0_1 r0_1 r0_2 10
rr0_2 r0_2 r0_3 10
vin1 in1 0 0.2
rs1 in1 r1_0 10
rr1_0 r1_0 r1_1 10
rr1_1 r1_1 r1_2 10
rr1_2 r1_2 r1_3 10
vin2 in2 0 0.3
rs2 in2 r2_0 10
rr2_0 r2_0 r2_1 10
rr2_1 r2_1 r2_2 10
rr2_2 r2_2 r2_3 10
vin3 in3 0 0.4
rs3 in3 r3_0 10
rr3_0 r3_0 r3_1 10
rr3_1 r3_1 r3_2 10
rr3_2 r3_2 r3_3 10
rc0_0 c0_0 c1_0 10
rc1_0 c1_0 c2_0 10
rc2_0 c2_0 c3_0 10
rt0 c3_0 s0 10
vs0 s0 0 0
rc0_1 c0_1 c1_1 10
rc1_1 c1_1 c2_1 10
rc2_1 c2_1 c3_1 10
rt1 c3_1 s1 10
vs1 s1 0 0
rc0_2 c0_2 c1_2 10
rc1_2 c1_2 c2_2 10
rc2_2 c2_2 c3_2 10
rt2 c3_2 s2 10
vs2 s2 0 0
rc0_3 c0_3 c1_3 10
rc1_3 c1_3 c2_3 10
rc2_3 c2_3 c3_3 10
rt3 c3_3 s3 10
vs3 s3 0 0
x0_0 r0_0 c0_0 cell
x0_1 r0_1 c0_1 cell
x0_2 r0_2 c0_2 cell
x0_3 r0_3 c0_3 cell
x1_0 r1_0 c1_0 cell
x1_1 r1_1 c1_1 cell
x1_2 r1_2 c1_2 cell
x1_3 r1_3 c1_3 cell
x2_0 r2_0 c2_0 cell
x2_1 r2_1 c2_1 cell
x2_2 r2_2 c2_2 cell
x2_3 r2_3 c2_3 cell
x3_0 r3_0 c3_0 cell
x3_1 r3_1 c3_1 cell
x3_2 r3_2 c3_2 cell
x3_3 r3_3 c3_3 cell
.dc sweep monte=1000
.meas dc i0 max i(vs0)
.meas dc i1 max i(vs1)
.meas dc i2 max i(vs2)
.meas dc i3 max i(vs3)
.end
