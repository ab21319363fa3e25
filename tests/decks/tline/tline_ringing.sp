* Lossless lines against ngspice: a 50 ohm line driven through 20 ohm into a 75 ohm line (F/NL
* form, a quarter wave at 25 MHz: 10 ns) ending in 200 ohm and 10 pF, so that every junction
* reflects. The operating point (the lines as wires), the AC response (e^(-jwt) of each line)
* and the transient of a 50 MHz cosine, smooth so that the delayed waves have no corners
* (where each simulator's interpolation of a corner would decide the difference).
vs src 0 dc 0.5 ac 1 sin(0.5 1.5 50meg 0 0 90)
rs src a 20
t1 a 0 b 0 z0=50 td=4n
rb b 0 1k
t2 b 0 c 0 zo=75 f=25meg nl=0.25
rl c 0 200
cl c 0 10p
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.op
.ac dec 50 1meg 1g
.tran 0.05n 120n 0 0.05n
.end
