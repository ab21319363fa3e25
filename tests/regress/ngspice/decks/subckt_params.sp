parameterised subcircuits with hierarchical nodes
.param rbase=1k
.subckt pi a b params: rs=100 rp=1k
rp1 a 0 {rp}
rser a b {rs}
rp2 b 0 {rp}
.ends
.subckt chain in out
x1 in m1 pi rs={rbase} rp={10*rbase}
x2 m1 out pi rs={2*rbase}
.ends
v1 in 0 1
xc in out chain
rl out 0 {rbase*3}
.op
.dc v1 0 2 0.5
.end
