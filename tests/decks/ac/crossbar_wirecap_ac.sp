4x4 resistive crossbar with wire resistance and capacitance, two AC rows (xbspice test deck)
.param rw=5 cw=20f
vr0 r0 0 dc 0.1 ac 1
vr1 r1 0 dc 0.1 ac 1 180
vr2 r2 0 dc 0
vr3 r3 0 dc 0
.subckt seg a b
rw a b {rw}
cw b 0 {cw}
.ends
* rows: word lines r<i> -> w<i>_<j>
x00 r0 w0_0 seg
x01 w0_0 w0_1 seg
x02 w0_1 w0_2 seg
x03 w0_2 w0_3 seg
x10 r1 w1_0 seg
x11 w1_0 w1_1 seg
x12 w1_1 w1_2 seg
x13 w1_2 w1_3 seg
x20 r2 w2_0 seg
x21 w2_0 w2_1 seg
x22 w2_1 w2_2 seg
x23 w2_2 w2_3 seg
x30 r3 w3_0 seg
x31 w3_0 w3_1 seg
x32 w3_1 w3_2 seg
x33 w3_2 w3_3 seg
* cells
rc00 w0_0 b0_0 10k
rc01 w0_1 b0_1 20k
rc02 w0_2 b0_2 5k
rc03 w0_3 b0_3 50k
rc10 w1_0 b1_0 8k
rc11 w1_1 b1_1 12k
rc12 w1_2 b1_2 30k
rc13 w1_3 b1_3 7k
rc20 w2_0 b2_0 10k
rc21 w2_1 b2_1 10k
rc22 w2_2 b2_2 10k
rc23 w2_3 b2_3 10k
rc30 w3_0 b3_0 40k
rc31 w3_1 b3_1 3k
rc32 w3_2 b3_2 9k
rc33 w3_3 b3_3 15k
* columns: bit lines b<i>_<j> down to sense sources
xc00 b0_0 b1_0 seg
xc10 b1_0 b2_0 seg
xc20 b2_0 b3_0 seg
xc30 b3_0 s0 seg
xc01 b0_1 b1_1 seg
xc11 b1_1 b2_1 seg
xc21 b2_1 b3_1 seg
xc31 b3_1 s1 seg
xc02 b0_2 b1_2 seg
xc12 b1_2 b2_2 seg
xc22 b2_2 b3_2 seg
xc32 b3_2 s2 seg
xc03 b0_3 b1_3 seg
xc13 b1_3 b2_3 seg
xc23 b2_3 b3_3 seg
xc33 b3_3 s3 seg
vs0 s0 0 0
vs1 s1 0 0
vs2 s2 0 0
vs3 s3 0 0
.ac dec 10 1meg 100g
.print ac i(vs0) i(vs1) i(vs2) i(vs3) v(w3_3) v(b0_3)
.end
