an included file's .end ends only that file
* expect: nodes=2 elements=3
.include 'inc/vendor_models.inc'
v1 a 0 1
r1 a b 1k
r2 b 0 1k
.op
.end
