Conditional netlist: .if/.elseif/.else/.endif, nested, on parameters (xbspice test deck)
.param mode=2 rbase=1k
v1 a 0 1
.if (mode == 1)
r1 a 0 {rbase}
.elseif (mode == 2)
r1 a 0 {2*rbase}
.if (rbase > 500)
r2 a 0 4k
.else
r2 a 0 8k
.endif
.else
r1 a 0 100
.endif
.dc v1 0 1 0.5
.end
