subcircuit call with too many nodes
* expect-error: line=6 code=port-count
.subckt two a b
r1 a b 1k
.ends
x1 n1 n2 n3 two
v1 n1 0 1
