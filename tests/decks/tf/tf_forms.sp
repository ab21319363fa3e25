.tf of a BJT stage: voltage outputs to ground and differential, V and I inputs
.model qn npn(is=1e-15 bf=120 va=60 rb=50)
vcc vcc 0 10
vin in 0 dc 0.7
iin 0 b2 dc 10u
rb in b 2k
q1 c b e qn
rc vcc c 4.7k
re e 0 470
q2 c2 b2 0 qn
rc2 vcc c2 10k
rb2 b2 0 100k
.options noacct
.tf v(c) vin
.tf v(c,e) vin
.tf v(c2) iin
.end
