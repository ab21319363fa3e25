Transformer: two coupled inductors with a resistive load
v1 in 0 sin(0 1 100k)
r1 in p 10
l1 p 0 100u
l2 s 0 25u
k1 l1 l2 0.95
r2 s 0 50
.tran 0.1u 30u
.end
