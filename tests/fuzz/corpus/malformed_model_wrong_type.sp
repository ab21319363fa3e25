diode given a MOSFET model
* expect-error: line=5 code=model-type
.model nch nmos level=1
v1 x 0 1
d1 x 0 nch
