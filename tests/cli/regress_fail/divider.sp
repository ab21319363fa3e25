Divider whose golden is off by 1e-3 at v1 = 0.5: regress must fail there
*REGRESS v(b) rel=1e-6 abs=1e-12
v1 a 0 0
r1 a b 1k
r2 b 0 1k
.dc v1 0 1 0.25
.end
