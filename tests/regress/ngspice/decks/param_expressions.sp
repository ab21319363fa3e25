element values from expressions and functions
.param vdd=3.3 rref=1k k=sqrt(4) scale='max(1, k)*2'
v1 in 0 {vdd}
r1 in a {rref*scale}
r2 a 0 {rref*pow(2,3)/k}
r3 a b {min(5k, 2k)}
r4 b 0 {rref + 500}
.op
.end
