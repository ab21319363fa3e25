a CIDER numerical diode: named as such, not as an unknown type
* expect-error: line=5 code=unsupported
v1 a 0 1
r1 a b 1k
.model dnum numd level=1
d1 b 0 dnum
.end
