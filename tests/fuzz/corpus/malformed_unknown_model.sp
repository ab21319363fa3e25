diode with an unknown model
* expect-error: line=5 code=unknown-model
v1 a 0 1
.model dgood d
d1 a 0 dbad
