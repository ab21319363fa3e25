diode over temperature: IS with EG and XTI, a TNOM of 50 C, breakdown matched at each T
.model dm d (is=2e-14 n=1.2 rs=3 eg=1.11 xti=3 bv=5 ibv=1e-4)
.model dn d (is=1e-15 n=1 eg=0.69 xti=2 tnom=50)
v1 a 0 0.65
d1 a 0 dm
v2 b 0 0.6
d2 b 0 dn
v3 c 0 -5.2
d3 c 0 dm
.options reltol=1e-9 abstol=1e-15 vntol=1e-12
.dc temp -40 125 15
.end
