MOSFET without a model
* expect-error: line=4 code=unknown-model
v1 x 0 1
m1 x x 0 0 nomodel w=1u l=1u
