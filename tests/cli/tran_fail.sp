Transient past the point where the circuit has no solution: v + v^2 + v(k) = 0 needs v(k) <= 1/4
vk k 0 pwl(0 0 1u 0 2u 1)
r1 a 0 1
b1 a 0 i={v(a)*v(a) + v(k)}
.tran 10n 3u
.end
