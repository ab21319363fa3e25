engineering suffixes and units
* expect: nodes=5 elements=9
v1 a 0 3.3volts
r1 a b 10kohm
r2 b 0 1megohm
r3 b c 2.2k
c1 c 0 1.5pF
l1 c d 10nH
r4 d e 1mil
r5 e 0 1x
c2 e 0 1fF
.tran 1ps 1.5ns
.end
