X line naming a model of a SPICE type that is no built-in device
* expect-error: line=5 code=unknown-device
.model q1 npn (bf=100)
v1 x 0 1
x1 x 0 q1
