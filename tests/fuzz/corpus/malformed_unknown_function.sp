call of an unknown function
* expect-error: line=4 code=unknown-function
v1 x 0 1
r1 x 0 'frobnicate(2)*1k'
