parameters referring to parameters, in both quoting styles
* expect: nodes=3 elements=4
.param vdd=1.8 half='vdd/2' quarter={half/2}
.param r0=1k, r1='2*r0', r2 = 'r1 + r0'
v1 a 0 'vdd'
ra a b 'r0'
rb b c {r1}
rc c 0 r2
.op
.end
