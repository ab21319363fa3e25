* Excess phase (PTF) of the Gummel-Poon BJT: a common-emitter stage with TF = 0.5 ns and
* PTF = 40 degrees, its AC response (the transconductance delayed by e^(-jw PTF TF)) and its
* response to a 1 ns pulse (Weil's second-order delay of the forward current, as SPICE2/3
* integrate it).
vcc vcc 0 5
vin in 0 dc 0.75 ac 1 pulse(0.75 0.8 1n 1n 1n 5n 20n)
rb in b 100
q1 c b 0 qfast
rc vcc c 1k
cl c 0 0.1p
.model qfast npn(is=1e-16 bf=100 vaf=50 tf=0.5n ptf=40 cje=0.2p cjc=0.1p rb=20)
.options reltol=1e-6 abstol=1e-15 vntol=1e-9
.op
.ac dec 20 1meg 10g
.tran 0.02n 20n 0 0.02n
.end
