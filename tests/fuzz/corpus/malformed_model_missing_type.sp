.model without a type
* expect-error: line=3 code=syntax
.model lonely
v1 x 0 1
r1 x 0 1k
