Table-driven memristor under programming pulses: the count advances one per pulse, reads between
.model tb pulse_table points=5 g0=1u g1=2u g2=2.5u g3=2.7u g4=2.8u vth=1 tw=1u
v1 a 0 pwl(0 0.1 0.5u 0.1 0.501u 1.5 1.501u 1.5 1.502u 0.1 3u 0.1 3.001u 1.5 4.001u 1.5 4.002u 0.1 6u 0.1)
x1 a 0 tb x0=0.5
.tran 10n 6u
.end
