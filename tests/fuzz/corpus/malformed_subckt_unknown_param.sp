instance parameter the subcircuit does not declare
* expect-error: line=6 code=unknown-param
.subckt s a params: r=1k
r1 a 0 r
.ends
x1 n s rr=2k
v1 n 0 1
