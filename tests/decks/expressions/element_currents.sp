Currents of resistors read in behavioural expressions, i(R1), also inside a subcircuit (xbspice test deck)
v1 a 0 dc 0 pulse(0 1 1u 1u 1u 5u 20u)
r1 a b 1k
rload b 0 r=2k m=2
c1 b 0 1n
* a current-controlled source made of i(r1): sense by a resistor, not a 0 V source
b1 o 0 v={i(r1)*1k + i(rload)*500}
ro o 0 1k
x1 a y sense
.subckt sense p q
rs p q 100
rq q 0 900
bq m 0 i={-2*i(rs)}
rm m 0 1k
.ends
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.tran 0.05u 20u 0 0.05u
.end
