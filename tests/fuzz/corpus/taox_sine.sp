TaOx under a 1 MHz, 1.5 V sine through 500 ohm from x0 = 0.3: SET and RESET every period
*REGRESS i(x1) range=1e-2
*REGRESS v(x1.x) range=1e-2
.model tx taox
v1 s 0 sin(0 1.5 1meg)
r1 s a 500
x1 a 0 tx x0=0.3
.print tran i(x1) v(x1.x)
.tran 10n 3u
.end
