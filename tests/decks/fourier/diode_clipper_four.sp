* .four of a diode clipper: a 1 kHz sine of 2 V through 1 kOhm into antiparallel diodes,
* the last of four periods analysed at the output and the source current.
v1 in 0 sin(0.2 2 1k)
r1 in out 1k
d1 out 0 dclip
d2 0 out dclip
r2 out 0 10k
.model dclip d(is=1e-14 n=1.5 rs=5)
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.tran 1u 4m 0 1u
.four 1k v(out) i(v1)
.end
