global supply reached from inside subcircuits
* expect: nodes=4 elements=5
.global vdd vss
.subckt pullup out
rp vdd out 10k
.ends
.subckt pulldown out
rd out vss 10k
.ends
vdd vdd 0 1
vss vss 0 -1
x1 n pullup
x2 n pulldown
x3 m pullup
.op
.end
