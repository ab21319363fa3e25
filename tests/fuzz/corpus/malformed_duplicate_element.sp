two elements with the same name
* expect-error: line=5 code=duplicate-element
v1 a 0 1
r1 a 0 1k
R1 a 0 2k
