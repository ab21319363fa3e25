a title, then only .end
* expect-error: line=1 code=no-circuit
.end
