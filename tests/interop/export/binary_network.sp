Two-layer binary network of conductors and opamp_tanh neurons (2 inputs, 2 hidden, 1 output)
* Tight Newton tolerances, so that ngspice's DC points agree with xbspice's to 1e-6
.options reltol=1e-8 vntol=1e-12 abstol=1e-16
* against the closed form: each neuron's input is a virtual ground, I = sum G*v, out = -vinv*tanh(rinv*I/vinv)
.model g conductor
.model neuron opamp_tanh rinv=10k vinv=1
v1 a 0 0.5
v2 b 0 -0.3
xa1 a s1 g g=100u
xb1 b s1 g g=300u
xa2 a s2 g g=250u
xb2 b s2 g g=50u
xh1 s1 h1 0 neuron
xh2 s2 h2 0 neuron
xo1 h1 s3 g g=200u
xo2 h2 s3 g g=400u
xy s3 y 0 neuron
.dc v1 -1 1 0.1
.end
