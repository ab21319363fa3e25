resistor with no value
* expect-error: line=4 code=missing-value
v1 x 0 1
r1 x 0
