Series RLC band-pass
* expect: nodes=3 elements=4
V1 1 0 AC 1 0
R1 1 2 50
L1 2 3 1uH
C1 3 0 1nF
.AC DEC 20 100K 100MEG
.PROBE AC VM(3) VP(3) VDB(3)
.END
