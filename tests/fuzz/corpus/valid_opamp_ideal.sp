inverting amplifier with HSPICE ideal op-amp
* expect: nodes=3 elements=4
vin in 0 0.1
rin in n- 1k
rf n- out 10k
e1 out 0 opamp 0 n-
.op
.end
