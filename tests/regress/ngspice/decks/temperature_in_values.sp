temper in element and parameter values: re-evaluated at every temperature of a .dc temp sweep
.param rt='1k*(1+0.01*(temper-27))'
v1 a 0 1
r1 a b {rt}
r2 b 0 '500*(1+2e-3*(temper-27)+1e-5*(temper-27)**2)'
.dc temp -40 125 15
.end
