RC low-pass step response
* expect: nodes=2 elements=3
vin in 0 pulse (0 1 1n 0.1n 0.1n 50n 100n)
r1 in out 1k
c1 out 0 10p
.tran 0.1n 200n
.print tran v(in) v(out)
.end
