current sources into a resistive network
i1 0 a 1m
i2 b 0 0.4m
r1 a b 2k
r2 b 0 1k
r3 a 0 5k
.dc i1 0 2m 0.5m
.end
