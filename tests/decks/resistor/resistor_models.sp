Resistors with .model cards: R, RSH over the geometry, TC1/TC2, TCE, TNOM, swept in temperature (xbspice test deck)
v1 a 0 1
r1 a 0 rmod
v2 b 0 1
r2 b 0 rmod l=20u w=2u
v3 c 0 1
r3 c 0 rmod2 5k
v4 d 0 1
R4 d 0 rsemi L=100u
v5 e 0 1
r5 e 0 2k tc1=1e-3 tc2=1e-6
v6 f 0 1
r6 f 0 rplain
.model rmod r (rsh=100 tc1=2e-3 tc2=1e-5 r=3k)
.model rmod2 r (tce=0.5 tnom=20)
.model rsemi r (rsh=50 defw=4u narrow=0.5u short=2u tc1=-1e-3)
.model rplain res (r=750 tc1=5e-3)
.options reltol=1e-10 abstol=1e-18 vntol=1e-14
.dc temp -40 125 15
.end
