call of an undefined subcircuit
* expect-error: line=4 code=unknown-subckt
v1 a 0 1
x1 a 0 nowhere
