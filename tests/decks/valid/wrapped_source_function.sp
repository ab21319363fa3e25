ngspice's CIDER decks write a source's function inside parentheses after its DC value
vin 1 0 0v (PULSE 0.0v 4.2v 0ns 1ns 1ns 9ns 20ns)
vpp 2 0 0 (sin 0 1 1meg) (ac 1v)
r1 1 0 1k
r2 2 0 1k
.tran 1n 40n
.end
