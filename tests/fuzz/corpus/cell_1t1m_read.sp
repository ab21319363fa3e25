1T1M cell read curves: bit-line sweep with the word line at 1.8 V, memristor states 0.2 and 0.8
* (golden: the level-1 square law and the memristor equation solved independently)
*REGRESS i(vs1) rel=1e-6 abs=1e-15
*REGRESS i(vs2) rel=1e-6 abs=1e-15
.include '../../../models/crossbar.lib'
vbl bl 0 0
vwl wl 0 1.8
x1 bl wl sl1 cell_1t1m x0=0.2
vs1 sl1 0 0
x2 bl wl sl2 cell_1t1m x0=0.8
vs2 sl2 0 0
.dc vbl 0 0.4 0.01
.end
