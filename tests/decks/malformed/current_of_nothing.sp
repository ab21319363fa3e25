a B source reading the current of an element that does not exist
* expect-error: line=4 code=unknown-reference
v1 a 0 1
b1 x 0 v = i(nosuch)*2
r1 x 0 1k
.end
