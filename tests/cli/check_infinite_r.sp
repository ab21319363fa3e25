infinite resistance
v1 a 0 1
r1 a 0 '1e308*10'
.op
.end
