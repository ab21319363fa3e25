NPN common-emitter stage into a PNP follower: every Gummel-Poon effect, at 60 C (xbspice test deck)
vcc vcc 0 5
vin in 0 dc 0.72 ac 1m pulse(0.68 0.76 20n 5n 5n 60n 150n)
rs in b 1k
rc vcc c 2.2k
q1 c b e qn m=1
re e 0 47
* PNP emitter follower (lateral: substrate to the base), its substrate tied to vcc
q2 0 c out vcc qp
rl out vcc 4.7k
.model qn npn (is=2e-16 bf=120 nf=1.01 vaf=70 ikf=15m ise=5e-14 ne=1.6 br=3 nr=1.02 var=8
+ ikr=3m isc=2e-13 nc=1.8 rb=120 irb=0.2m rbm=20 re=0.8 rc=15 cje=0.8p vje=0.8 mje=0.35
+ tf=0.25n xtf=3 vtf=2 itf=40m cjc=0.4p vjc=0.7 mjc=0.4 xcjc=0.6 tr=8n cjs=0.5p vjs=0.6
+ mjs=0.3 xtb=1.6 eg=1.12 xti=3.5 fc=0.6 tnom=25)
.model qp pnp (is=1e-16 bf=50 vaf=40 ikf=5m rb=200 re=2 rc=20 cje=0.6p cjc=0.5p tf=1n tr=20n
+ cjs=0.8p ns=1.1)
.temp 60
.options reltol=1e-9 abstol=1e-15 vntol=1e-12
.dc vin 0.6 0.85 0.01
.ac dec 10 10k 10g
.tran 0.5n 150n 0 0.5n
.end
