A resistance that some samples draw as zero or less
i1 0 a 1m
r1 a 0 'max(agauss(0.5, 1, 1), 0)'
.dc sweep monte=20
.meas dc va max v(a)
.end
