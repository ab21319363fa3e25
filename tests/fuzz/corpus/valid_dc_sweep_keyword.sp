HSPICE sweep forms: LIN, DEC, POI and the SWEEP keyword
* expect: nodes=1 elements=2
.param rx=1k
vin a 0 1
r1 a 0 rx
.dc vin lin 11 0 1
.dc vin dec 5 1m 1
.dc vin poi 3 0.1 0.5 0.9
.dc vin 0 1 0.25 sweep rx poi 2 1k 2k
.dc vin start=0 stop=1 step=0.5
.end
