ngspice B sources: squarer, tanh transconductor, current-controlled voltage
.param k=2
v1 a 0 dc 0.5
r1 a 0 1k
b1 sq 0 v={k*v(a)**2 - 0.1}
rsq sq 0 1k
b2 0 t i={tanh(v(a)/0.1)*1m}
rt t 0 1k
vsense t u 0
ru u 0 2k
b3 o 0 v={1k*i(vsense) + sqrt(abs(v(a)) + 1)}
ro o 0 10k
.dc v1 -1 1 0.1
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
