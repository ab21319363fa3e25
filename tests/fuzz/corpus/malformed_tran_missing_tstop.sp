.tran with only a step
* expect-error: line=5 code=syntax
v1 x 0 1
r1 x 0 1k
.tran 1n
