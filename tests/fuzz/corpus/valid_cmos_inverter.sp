CMOS inverter transfer curve, level-1 models from an include
* expect: nodes=3 elements=4
.include "inc/basic_models.inc"
.global vdd
vdd vdd 0 'vsupply'
vin in 0 0
mp out in vdd vdd pch w=2u l=0.18u
mn out in 0 0 nch W=1u L=0.18u
.dc vin 0 'vsupply' 0.01
.print dc v(out)
.end
