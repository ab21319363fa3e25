TaOx SET pulse train (1.5 V through 500 ohm, 50 ns every 200 ns) from x0 = 0.1
* Both simulators at reltol 1e-5: transients agree to 1e-3 of each signal's range
.options reltol=1e-5
.model tx taox
v1 s 0 pulse(0 1.5 0 5n 5n 50n 200n)
r1 s a 500
x1 a 0 tx x0=0.1
.print tran i(x1) v(x1.x)
.tran 10n 2u
.end
