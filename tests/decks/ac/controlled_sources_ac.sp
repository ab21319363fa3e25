Op-amp integrator and controlled sources E F G H in AC (xbspice test deck)
vin in 0 dc 0 ac 1
r1 in n 10k
c1 n out 10n
e1 out 0 0 n 1e5
vs out s 0
f1 0 f vs 0.5
rf f 0 1k
g1 0 gout in 0 1m
rg gout 0 2k
cg gout 0 1n
h1 hout 0 vs 100
rh hout 0 1k
.ac lin 20 100 20k
.print ac v(out) v(f) v(gout) v(hout) i(vs)
.end
