print of the current of an element that is not in the circuit
* expect-error: line=6 code=unknown-output
v1 a 0 1
r1 a 0 1k
.op
.print op i(vnone)
.end
