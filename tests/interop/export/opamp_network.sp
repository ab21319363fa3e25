Differential crossbar column: positive and negative conductor arrays into the current subtractor,
* then an opamp_tanh neuron. Tight Newton tolerances for a 1e-6 agreement.
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
.include '../../../models/crossbar.lib'
.model g conductor gmax=1m levels=16
vin1 a 0 0
vin2 b 0 0.2
xp1 a pos g g=0.4m
xp2 b pos g g=0.1m
xn1 a neg g g=0.2m
xn2 b neg g g=0.3m
xs pos neg d current_subtractor r=2k
rd d n 10k
xneuron n y 0 inv_tanh
.dc vin1 -0.5 0.5 0.05
.end
