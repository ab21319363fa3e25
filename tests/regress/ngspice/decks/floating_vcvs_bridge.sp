VCVS with a floating output driving a bridge
vin in 0 1
rin in 0 1k
e1 p n in 0 2
rp p 0 1k
rn n 0 3k
rpn p n 2k
.dc vin -1 1 0.5
.end
