* Voltage divider, HSPICE style
* expect: nodes=2 elements=3
.OPTION POST=2 INGOLD=2
VIN in 0 DC 5V
R1 in out 10kohm
R2 out 0 10K
.OP
.PRINT DC V(out) I(VIN)
.END
