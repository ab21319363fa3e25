X line naming a model whose type is no built-in device
* expect-error: line=5 code=unknown-device
.model weird frobnicator (p=1)
v1 x 0 1
x1 x 0 weird
