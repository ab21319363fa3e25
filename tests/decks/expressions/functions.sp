Functions ngspice and HSPICE decks use: asinh acosh atanh arctan nint sqr u u2 uramp (xbspice test deck)
.param a=0.3
.param k={1k*(1+sqr(a)+arctan(a))}
v1 in 0 dc 0
b1 o1 0 v=asinh(v(in)) + acosh(2+v(in)*v(in)) + atanh({a}*v(in)/2) + atan(v(in))
b2 o2 0 v=nint(v(in)*3.3) + u(v(in)-0.05) + u2(v(in)+0.5) + uramp(v(in)-0.2)
r1 o1 0 {k}
r2 o2 0 1k
.options reltol=1e-10 abstol=1e-18 vntol=1e-14
.dc v1 -1.5 1.5 0.1
.end
