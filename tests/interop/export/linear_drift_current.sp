Linear-drift memristor under a constant 10 mA: the state follows the logistic curve of p = 1
.model hp linear_drift (ron=100 roff=16k d=10n uv=1e-14 p=1)
i1 0 a 10m
x1 a 0 hp x0=0.1
.tran 20u 8m
.print tran v(x1.x) v(a)
.end
