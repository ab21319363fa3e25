a VBIC card (BJT level 4): named, not "out of range"
vc c 0 5
vb b 0 0.7
q1 c b 0 qv
.model qv npn level=4 is=1e-16
.op
.end
