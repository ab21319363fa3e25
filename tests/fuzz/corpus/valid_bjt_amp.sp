common-emitter amplifier
* expect: nodes=5 elements=7
.model q2n2222 npn (is=14.34f bf=255.9 vaf=74.03)
vcc vcc 0 12
vin in 0 dc 0 ac 1
cin in b 10u
rb1 vcc b 47k
rb2 b 0 10k
rc vcc c 4.7k
q1 c b e q2n2222
.op
.end
