print of a node that is not in the circuit (a column of zeros before)
* expect-error: line=6 code=unknown-output
v1 a 0 1
r1 a 0 1k
.dc v1 0 1 0.5
.print dc v(a) v(nosuch)
.end
