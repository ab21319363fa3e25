Inverting op-amp stage swept over its feedback resistor (a parameter, POI list) and the input
* ngspice's .dc sweeps neither parameters nor value lists: the export runs them point by point.
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.include '../../../models/crossbar.lib'
.param rf=10k
vin in 0 0
rin in m 10k
rfb m out 'rf'
xa 0 m out amp_ideal
rl out 0 100k
.dc vin -0.4 0.4 0.2 sweep rf poi 3 5k 10k 40k
.end
