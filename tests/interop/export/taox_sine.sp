TaOx under a 1 MHz, 1.5 V sine through 500 ohm from x0 = 0.3: SET and RESET every period
* Both simulators at reltol 1e-5: transients agree to 1e-3 of each signal's range
.options reltol=1e-5
.model tx taox
v1 s 0 sin(0 1.5 1meg)
r1 s a 500
x1 a 0 tx x0=0.3
.print tran i(x1) v(x1.x)
.tran 10n 3u
.end
