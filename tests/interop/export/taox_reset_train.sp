TaOx RESET pulse train (-0.5 V, 50 ns every 200 ns) from x0 = 0.8, against an independent
* Both simulators at reltol 1e-5: transients agree to 1e-3 of each signal's range
.options reltol=1e-5
* integration of the state equation. Tolerance: 1 % of the current's range.
.model tx taox
v1 a 0 pulse(0 -0.5 0 5n 5n 50n 200n)
x1 a 0 tx x0=0.8
.print tran i(x1) v(x1.x)
.tran 10n 2u
.end
