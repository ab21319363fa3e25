the same model defined twice
* expect-error: line=4 code=duplicate-model
.model d1m d is=1e-14
.model d1m d is=2e-14
v1 x 0 1
d1 x 0 d1m
