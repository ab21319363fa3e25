R-2R ladder under a DC sweep
vref ref 0 1
r1 ref n1 2k
r2 n1 0 2k
r3 n1 n2 1k
r4 n2 0 2k
r5 n2 n3 1k
r6 n3 0 2k
r7 n3 out 1k
r8 out 0 2k
.dc vref -1 1 0.25
.end
