RLC network driven by two AC sources of different phase (xbspice test deck)
v1 in 0 dc 0 ac 1
v2 aux 0 dc 0.5 ac 0.5 90
i1 0 mid ac 1m -45
r1 in out 1k
c1 out 0 1u
l1 out x 1m
r2 x 0 10k
r3 aux mid 2k
c2 mid out 10n
.ac dec 10 10 1meg
.print ac v(out) vdb(out) vp(out) v(mid) i(v1) i(v2) i(l1) i(r3)
.end
