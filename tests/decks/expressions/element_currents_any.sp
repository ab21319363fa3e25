* Currents of elements without a branch current of their own read by B sources: a diode, a
* capacitor (its charging current), an inductor (its own branch), a BJT's collector and a
* resistor with a temperature coefficient (at 50 C). ngspice
* reads them through 0 V sources it puts in series with each element's first terminal; xbspice
* does the same (netlist::current_sense_name).
v1 a 0 sin(0 1 1k)
r1 a b 1k
d1 b c dmod
c1 c 0 1u
l1 c d 1m
rl d 0 100
vcc vcc 0 5
rq vcc col 1k
rbase a bq 100k
q1 col bq 0 qmod
b1 x 0 v = i(d1)*1000
b2 y 0 v = i(c1)*1000
b3 z 0 v = i(l1)*1000
b4 w 0 v = i(q1)*100
rx x 0 1k
ry y 0 1k
rz z 0 1k
rw w 0 1k
rt a 0 2k tc1=0.01
b5 u 0 v = i(rt)*1000
ru u 0 1k
.temp 50
.model dmod d
.model qmod npn(bf=100 is=1e-15)
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.save v(x) v(y) v(z) v(w) v(u) v(b) v(c) v(col)
.tran 10u 2m 0 10u
.end
