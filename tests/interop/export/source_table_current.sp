A .data sweep over a voltage and a current source: the ngspice export sweeps an index source
* and the sources read their rows through pwl(); the current source becomes a B source.
v1 a 0 dc 0.3
i1 0 b dc 1m
r1 a b 1k
r2 b 0 2k
.data rows v1 i1
+ 0.1 0.5m
+ -0.2 2m
+ 0.4 0
.enddata
.dc data=rows
.end
