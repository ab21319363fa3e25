Built-in models local to subcircuits: a memristor cell and a neuron, each with its own .model
* The ngspice export hoists them to top-level subcircuits named <subckt>_<model>.
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.subckt cell in out x0=0.5
.model tx taox gm=0.03
xm in out tx x0=x0
.ends cell
.subckt neuron in out
.model inv opamp_tanh rinv=20k vinv=0.8
xa in out 0 inv
.ends neuron
.subckt column a b out
.subckt wire p n
.model gw conductor g=20
xg p n gw
.ends wire
x1 a s1 cell x0=0.2
x2 b s1 cell x0=0.7
xw s1 s wire
xn s out neuron
.ends column
v1 a 0 0
v2 b 0 0.1
xc a b y column
.dc v1 -0.3 0.3 0.05
.end
