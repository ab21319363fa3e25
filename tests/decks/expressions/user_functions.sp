User functions: .func at the top and inside a subcircuit, nested, in parameters and B sources (xbspice test deck)
.func sq2(x) {x*x*2}
.func gain(a, b) = {a*b + sq2(a)}
.param k = {gain(2, 3)}
v1 in 0 dc 0.5
r1 in out {k*100}
r2 out 0 1k
b1 bo 0 v={gain(v(in), 2) - sq2(v(out))}
rb bo 0 1k
x1 in xo shaper
.subckt shaper p q
.func loc(y) {y*3 + sq2(y)}
.param rr = {loc(10)}
r1 p q {rr}
r2 q 0 1k
b1 bq 0 v={loc(v(p))}
rq bq 0 1k
.ends
.options reltol=1e-10 abstol=1e-18 vntol=1e-14
.dc v1 -1 1 0.25
.end
