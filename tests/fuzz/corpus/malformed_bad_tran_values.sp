.tran whose stop time is not after its start
* expect-error: line=5 code=bad-analysis
v1 x 0 1
r1 x 0 1k
.tran 1n 10n 20n
