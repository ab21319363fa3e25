.ic holds a node during the initial operating point only
v1 in 0 0
r1 in a 1k
c1 a 0 1n
r2 a 0 4k
.ic v(a)=2
.tran 10n 5u
.end
