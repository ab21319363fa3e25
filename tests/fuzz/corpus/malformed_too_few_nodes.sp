resistor with one node
* expect-error: line=4 code=too-few-nodes
v1 x 0 1
r1 x
