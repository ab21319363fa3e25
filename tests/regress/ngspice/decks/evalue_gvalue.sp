E and G with value expressions feeding back into a nonlinear loop
vin in 0 0.3
rin in a 1k
e1 b 0 value={2*v(a) - 0.5*v(a)*v(a)*v(a)}
rb b a 10k
g1 0 c value={1m*v(b)*v(in)}
rc c 0 2k
e2 d 0 value={max(v(c), 0.1) + min(v(b), 0.2)}
rd d 0 1k
.dc vin -1 1 0.1
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
