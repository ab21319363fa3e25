subcircuit call with too few nodes
* expect-error: line=7 code=port-count
.subckt three a b c
r1 a b 1k
r2 b c 1k
.ends
x1 n1 n2 three
v1 n1 0 1
