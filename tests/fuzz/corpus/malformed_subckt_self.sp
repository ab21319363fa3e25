subcircuit instantiating itself
* expect-error: line=5 code=recursive-subckt
.subckt loop a b
r1 a b 1k
xagain a b loop
.ends
v1 n 0 1
x1 n 0 loop
