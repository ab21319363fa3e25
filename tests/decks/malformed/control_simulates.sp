an ngspice control block that runs its own analysis
* expect-error: line=6 code=unsupported
v1 a 0 1
r1 a 0 1k
.control
tran 1n 10n
plot v(a)
.endc
.end
