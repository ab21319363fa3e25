JFET source follower
* expect: nodes=3 elements=4
.model jn njf (vto=-2 beta=1m lambda=0.01)
vdd d 0 10
vg g 0 0
j1 d g s jn
rs s 0 1k
.dc vg -2 0 0.1
.end
