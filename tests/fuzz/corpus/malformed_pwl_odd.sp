PWL with an odd number of values
* expect-error: line=3 code=syntax
v1 x 0 pwl(0 0 1n 1 2n)
r1 x 0 1k
