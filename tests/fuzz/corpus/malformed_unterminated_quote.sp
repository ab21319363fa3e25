unterminated quoted expression
* expect-error: line=4 code=unterminated-quote
v1 a 0 1
r1 a 0 '1k*2
.op
