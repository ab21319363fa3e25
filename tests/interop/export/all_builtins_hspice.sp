Every built-in device type, for the HSPICE export (Verilog-A modules checked by admsXml)
.model tx taox (gm=0.02)
.model g conductor gmax=2m
.model inv opamp_tanh rinv=5k vinv=2
.model amp opamp gain=1e4
.model nullor opamp_ideal
.model tb pulse_table points=3 g0=1u g1=2u g2=2.5u
v1 a 0 0.3
x1 a b tx x0=0.4
x2 b 0 g g=1m
x3 b c 0 inv
x4 c 0 d amp rout=10
rd d 0 1k
* an inverting amplifier of gain -2 around the ideal op-amp
re d e 1k
rf e f 2k
x5 0 e f nullor
x6 f 0 tb x0=1
.op
.end
