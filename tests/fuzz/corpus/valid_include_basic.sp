diode clamp using an included model file
* expect: nodes=2 elements=3
.include 'inc/basic_models.inc'
vs in 0 'vsupply'
rs in a 1k
d1 a 0 dfast
.op
.end
