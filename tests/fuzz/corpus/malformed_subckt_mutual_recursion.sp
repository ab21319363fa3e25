two subcircuits instantiating each other
* expect-error: line=8 code=recursive-subckt
.subckt ping a
xp a pong
.ends
.subckt pong a
r1 a 0 1
xq a ping
.ends
v1 n 0 1
x1 n ping
