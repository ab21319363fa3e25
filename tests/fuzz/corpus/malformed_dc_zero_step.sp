DC sweep with zero step
* expect-error: line=5 code=bad-analysis
v1 x 0 1
r1 x 0 1k
.dc v1 0 1 0
