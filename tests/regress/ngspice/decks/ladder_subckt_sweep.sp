ladder of parameterised subcircuit sections, nested sweep of source and load
.subckt section in out params: rs=100 rp=1k
rser in out {rs}
rshunt out 0 {rp}
.ends
vin in 0 1
x1 in n1 section
x2 n1 n2 section rs=200
x3 n2 n3 section rp=2k
x4 n3 out section rs=50 rp=500
vload out o2 0
rl o2 0 1k
.dc vin 0 2 0.5
.end
