analysis statement inside a subcircuit
* expect-error: line=5 code=syntax
.subckt s a
r1 a 0 1k
.tran 1n 10n
.ends
x1 n s
v1 n 0 1
