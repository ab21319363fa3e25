.endl outside a library section
* expect-error: line=5 code=syntax
v1 x 0 1
r1 x 0 1k
.endl
