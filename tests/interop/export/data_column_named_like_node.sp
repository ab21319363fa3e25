A .data sweep whose first column is named like a node: ngspice keeps node voltages as vectors
* named after the node, so the exported scale must not take that name.
.param vdd=1 rl=1k
v1 vdd 0 dc vdd
r1 vdd b rl
r2 b 0 1k
.data rows vdd rl
+ 0.5 1k
+ 1.5 3k
+ 2 2k
.enddata
.dc data=rows
.end
