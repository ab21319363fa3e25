polynomial controlled source
* expect: nodes=3 elements=5
va a 0 1
vb b 0 2
e1 o 0 poly(2) a 0 b 0 0 1 1 0.5
ro o 0 1k
rb b 0 1k
.op
.end
