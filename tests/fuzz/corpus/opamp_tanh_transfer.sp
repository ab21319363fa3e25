opamp_tanh transfer: v(out) = -vinv*tanh(rinv*I/vinv) for a current I into the input
*REGRESS v(out) rel=1e-9 abs=1e-12
*REGRESS v(in) abs=1e-12
.model inv opamp_tanh rinv=5k vinv=2
i1 0 in 0
x1 in out 0 inv
rl out 0 10k
.dc i1 -2m 2m 20u
.end
