SFFM and AM sources into resistive loads
v1 a 0 sffm(0.5 1 200k 3 20k)
r1 a 0 1k
v2 b 0 am(2 0.5 20k 500k 5u)
r2 b 0 1k
.tran 0.1u 60u
.end
