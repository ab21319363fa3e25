current divider with parameterised branches
.param rbase=2k ratio=3
i1 0 top 5m
r1 top 0 {rbase}
r2 top mid {rbase*ratio}
r3 mid 0 {rbase/ratio}
.op
.end
