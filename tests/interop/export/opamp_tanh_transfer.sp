opamp_tanh transfer: v(out) = -vinv*tanh(rinv*I/vinv) for a current I into the input
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.model inv opamp_tanh rinv=5k vinv=2
i1 0 in 0
x1 in out 0 inv
rl out 0 10k
.dc i1 -2m 2m 20u
.end
