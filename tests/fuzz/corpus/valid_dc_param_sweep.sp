sweep of a parameter and of temperature
* expect: nodes=2 elements=3
.param rtop=1k
v1 in 0 1
r1 in out 'rtop'
r2 out 0 1k tc1=1e-3 tc2=1e-6
.dc rtop 500 2k 500
.dc temp -40 125 55
.end
