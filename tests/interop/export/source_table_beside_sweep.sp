A source sweep before a .data sweep of another source: in the ngspice export i1 reads pwl() of
* an index source held at 0 outside the table's sweep, where the table gives i1's own 1 mA.
v1 a 0 dc 0.3
i1 0 b dc 1m
r1 a b 1k
r2 b 0 2k
.data rows i1
+ 0.5m
+ 2m
.enddata
.dc v1 0 1 0.5
.dc data=rows
.end
