DC sweep driven by a .data table
* expect: nodes=2 elements=3
.param rload=1k
vin in 0 1
r1 in out 1k
r2 out 0 rload
.data loads vin rload
+ 1.0 1k
+ 1.5 2k
+ 2.0 '3*1k'
.enddata
.dc data=loads
.print dc v(out)
.end
