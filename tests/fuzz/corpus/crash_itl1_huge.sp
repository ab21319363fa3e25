options in many shapes
* expect: nodes=1 elements=2
.option post=2 probe
.options reltol=1e-4 abstol=1e-12 vnprobe
.options reltol=1e-4 abstol=1e-12 vntol=1utol=1u
+ itl1=200.title method=gear
.OPTION NOMOD brief
v1 a`0 1
r1 a 0 1k
.op
.end
