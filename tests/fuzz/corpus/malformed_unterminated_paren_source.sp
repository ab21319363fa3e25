source function without closing parenthesis
* expect-error: line=3 code=unterminated-paren
v1 a 0 pulse(0 1 1n 1n 1n 5n 10n
r1 a 0 1k
