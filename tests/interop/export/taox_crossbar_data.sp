2x2 TaOx crossbar read over a .data table: input vectors and wire conductance per row
* Each row sets both word-line sources and the parameter gw. ngspice has no .data, so the
* exported deck runs the rows from a .control block.
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.model tx taox
.model g conductor
.param gw=10
v1 r1 0 0
v2 r2 0 0
x11 r1 c1 tx x0=0.1
x12 r1 c2 tx x0=0.8
x21 r2 c1 tx g0=2m
x22 r2 c2 tx x0=0.4
xw1 c1 s1 g g='gw'
xw2 c2 s2 g g='gw/2'
vs1 s1 0 0
vs2 s2 0 0
.data reads v1 v2 gw
+ 0.1 0 10
+ 0.2 -0.1 10
+ -0.2 0.15 1
+ 0.3 0.3 0.5
.enddata
.dc data=reads
.end
