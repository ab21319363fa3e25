RC network integrated with Gear-2
.options method=gear
v1 in 0 pulse(0 1 0 20n 20n 1u 2u)
r1 in a 1k
c1 a 0 500p
r2 a b 2k
c2 b 0 200p
.tran 10n 6u
.end
