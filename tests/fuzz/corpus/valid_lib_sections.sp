library sections selected with .lib, switched by .alter
* expect: nodes=2 elements=3
.lib 'inc/corners.lib' tt
v1 a 0 1
r1 a b 'rsheet*10'
r2 b 0 'rsheet'
.op
.alter fast corner
.lib "inc/corners.lib" ff
.end
