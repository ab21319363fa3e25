A local built-in model whose value depends on a subcircuit parameter: one ngspice subcircuit
* cannot stand for both instances, so the ngspice export refuses it by name.
.subckt cell in out gmx=0.025
.model tx taox gm='gmx'
xm in out tx
.ends cell
v1 a 0 0.1
x1 a 0 cell gmx=0.02
x2 a 0 cell gmx=0.03
.op
.end
