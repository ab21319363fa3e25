Capacitive divider whose middle node has only capacitors: .ic gives it its initial value
v1 a 0 pulse(0 1 1n 1n 1n 5n 10n)
c1 a b 1p
c2 b 0 3p
r1 a 0 1k
.ic v(b)=0.5
.tran 0.1n 12n
.end
