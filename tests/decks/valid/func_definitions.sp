User functions: .func in both dialects, HSPICE's .param f(x)=..., one inside a subcircuit
.func dbl(x) '2*x'
.func sq2(x) = {x*x*2}
.param area(w, l) = 'w*l'
.param r0 = {dbl(500) + sq2(1) + area(2, 3)}
v1 x 0 1
r1 x 0 {r0}
x1 x y half
.subckt half a b
.func third(v) {v/3}
r1 a b {third(3k)}
r2 b 0 1k
.ends
.op
.end
