Table-driven cells with their own shifts and counts (instance parameters), read at DC
.model tb pulse_table points=4 g0=4.5e-7 g1=4.9e-7 g2=5.0e-7 g3=5.2e-7 k=10 relative=1
v1 a 0 0.1
v2 b 0 -0.1
x1 a c tb x0=1 shift=2e-8
x2 b c tb x0=2.5 shift=7e-8
x3 a d tb shift=1e-8
vc c 0 0
vd d 0 0
.dc v1 -0.1 0.1 0.05
.end
