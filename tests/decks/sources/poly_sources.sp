POLY(n) controlled sources: E, G, F and H of one to three inputs, coefficients from parameters
* SPICE2's coefficient order: p0, the linear terms, then a^2 ab ac b^2 bc c^2, then a^3 a^2b ...
.param k2=0.25
v1 a 0 1
v2 b 0 0.5
vc c 0 -0.3
ra a 0 1k
rb b 0 1k
rc c 0 1k
* two inputs, second order
e1 o1 0 poly(2) a 0 b 0 0.1 2 3 0.5 {k2} -1
r1 o1 0 1k
* three inputs, into the cubic terms
e2 o2 0 poly(3) a 0 b 0 c 0 0 1 1 1 0.1 0.2 0.3 0.4 0.5 0.6 0.01 0.02
r2 o2 0 1k
* one input: a plain gain (p0 = 0)
g1 0 o3 poly(1) a 0 0 2m
r3 o3 0 1k
* current controlled: the currents of V sources
f1 0 o4 poly(2) v1 v2 0 1 -1 100
r4 o4 0 1k
h1 o5 0 poly(1) vc 0.2 500 -1e5
r5 o5 0 1k
* in a feedback loop: Newton through the polynomial (o6 = 1 + 0.5 o6 - 0.1 o6^2 ...)
e3 o6 0 poly(2) o6 0 a 0 0.5 0.3 0.4 -0.1 0 0
r6 o6 0 1k
* inside a subcircuit: nodes and controlling sources renamed per instance
.subckt sq in out
vsense in mid 0
rmid mid 0 100
hsq out 0 poly(1) vsense 0 0 1e4
rout out 0 1k
.ends
x1 a o7 sq
x2 b o8 sq
.option reltol=1e-9
.dc v1 -1 1 0.25
.end
