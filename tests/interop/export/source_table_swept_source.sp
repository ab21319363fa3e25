A source that is both a .data column and swept by another .dc keeps its own values in each:
* the ngspice export cannot route it through pwl(), and runs both from a .control block.
v1 a 0 dc 0.3
i1 0 b dc 1m
r1 a b 1k
r2 b 0 2k
.data rows v1 i1
+ 0.1 0.5m
+ -0.2 2m
.enddata
.dc v1 0 1 0.5
.dc data=rows
.end
