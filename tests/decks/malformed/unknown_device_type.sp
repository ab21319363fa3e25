X line naming a model whose type is no type at all
* expect-error: line=3 code=unknown-model-type
.model weird frobnicator (p=1)
v1 x 0 1
x1 x 0 weird
