Ten-stage RC ladder
v1 n0 0 pwl(0 0 1u 1 5u 1 6u 0)
r1 n0 n1 1k
c1 n1 0 100p
r2 n1 n2 1k
c2 n2 0 100p
r3 n2 n3 1k
c3 n3 0 100p
r4 n3 n4 1k
c4 n4 0 100p
r5 n4 n5 1k
c5 n5 0 100p
r6 n5 n6 1k
c6 n6 0 100p
r7 n6 n7 1k
c7 n7 0 100p
r8 n7 n8 1k
c8 n8 0 100p
r9 n8 n9 1k
c9 n9 0 100p
r10 n9 n10 1k
c10 n10 0 100p
.tran 50n 15u
.end
