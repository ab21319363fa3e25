current-controlled source naming a missing voltage source
* expect-error: line=5 code=unknown-reference
v1 x 0 1
r1 x 0 1k
f1 0 y vsense 2
r2 y 0 1k
