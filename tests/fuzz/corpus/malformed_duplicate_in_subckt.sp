duplicate element name inside a subcircuit
* expect-error: line=5 code=duplicate-element
.subckt s a
r1 a 0 1k
r1 a 0 2k
.ends
x1 n s
v1 n 0 1
