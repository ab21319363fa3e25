4x4 crossbar Monte Carlo (ngspice form: a .control loop over mc_source)
* 4x4 resistive crossbar, cell conductances drawn per instance (agauss), wires 10 ohm
.subckt cell top bot
.param g=agauss(1e-4, 1e-5, 1)
rcell top bot {1/g}
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
.control
let n = 1000
let k = 0
let s0 = 0
let s1 = 0
let s2 = 0
let s3 = 0
let q0 = 0
let q1 = 0
let q2 = 0
let q3 = 0
dowhile k < n
  op
  let const.s0 = const.s0 + i(vs0)
  let const.s1 = const.s1 + i(vs1)
  let const.s2 = const.s2 + i(vs2)
  let const.s3 = const.s3 + i(vs3)
  let const.q0 = const.q0 + i(vs0)*i(vs0)
  let const.q1 = const.q1 + i(vs1)*i(vs1)
  let const.q2 = const.q2 + i(vs2)*i(vs2)
  let const.q3 = const.q3 + i(vs3)*i(vs3)
  destroy all
  mc_source
  let const.k = const.k + 1
end
setplot const
let mean0 = s0/n
let sigma0 = sqrt((q0 - n*mean0*mean0)/(n-1))
print mean0 sigma0
let mean1 = s1/n
let sigma1 = sqrt((q1 - n*mean1*mean1)/(n-1))
print mean1 sigma1
let mean2 = s2/n
let sigma2 = sqrt((q2 - n*mean2*mean2)/(n-1))
print mean2 sigma2
let mean3 = s3/n
let sigma3 = sqrt((q3 - n*mean3*mean3)/(n-1))
print mean3 sigma3
.endc
.end
