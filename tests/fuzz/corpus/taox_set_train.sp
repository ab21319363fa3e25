TaOx SET pulse train (1.5 V through 500 ohm, 50 ns every 200 ns) from x0 = 0.1
*REGRESS i(x1) range=1e-2
*REGRESS v(x1.x) abs=2e-3
.options reltol=1e-4
.model tx taox
v1 s 0 pulse(0 1.5 0 5n 5n 50n 200n)
r1 s a 500
x1 a 0 tx x0=0.1
.print tran i(x1) v(x1.x)
.tran 10n 2u
.end
