PWL corners out of time order
* expect-error: line=4 code=pwl-time-order
r1 a 0 1k
v1 a 0 pwl(0 0 2n 1 1n 0)
.tran 1n 10n
.end
