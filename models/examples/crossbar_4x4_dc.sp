4x4 resistive crossbar with wire resistance, DC sweep of the first input
* Inputs drive the columns through 100 ohm source resistors; each row is read through a
* 100 ohm sense resistor to ground. Cells connect column c to row r; wires between neighbouring
* cells are rwire. This is the default deck of the README's first command.
.param rwire=1 rsrc=100 rsense=100 vin=0.1

.subckt cell col row params: g=1m
rcell col row '1/g'
.ends cell

* column drivers
v1 in1 0 dc 'vin'
v2 in2 0 dc 'vin'
v3 in3 0 dc 0
v4 in4 0 dc 'vin'
rs1 in1 c1_1 'rsrc'
rs2 in2 c1_2 'rsrc'
rs3 in3 c1_3 'rsrc'
rs4 in4 c1_4 'rsrc'

* column wires (c<row>_<col>) and row wires (r<row>_<col>)
rc12_1 c1_1 c2_1 'rwire'
rc23_1 c2_1 c3_1 'rwire'
rc34_1 c3_1 c4_1 'rwire'
rc12_2 c1_2 c2_2 'rwire'
rc23_2 c2_2 c3_2 'rwire'
rc34_2 c3_2 c4_2 'rwire'
rc12_3 c1_3 c2_3 'rwire'
rc23_3 c2_3 c3_3 'rwire'
rc34_3 c3_3 c4_3 'rwire'
rc12_4 c1_4 c2_4 'rwire'
rc23_4 c2_4 c3_4 'rwire'
rc34_4 c3_4 c4_4 'rwire'
rr1_12 r1_1 r1_2 'rwire'
rr1_23 r1_2 r1_3 'rwire'
rr1_34 r1_3 r1_4 'rwire'
rr2_12 r2_1 r2_2 'rwire'
rr2_23 r2_2 r2_3 'rwire'
rr2_34 r2_3 r2_4 'rwire'
rr3_12 r3_1 r3_2 'rwire'
rr3_23 r3_2 r3_3 'rwire'
rr3_34 r3_3 r3_4 'rwire'
rr4_12 r4_1 r4_2 'rwire'
rr4_23 r4_2 r4_3 'rwire'
rr4_34 r4_3 r4_4 'rwire'

* cells: conductances between 1/3 Mohm and 1/2 kohm
x11 c1_1 r1_1 cell g=2m
x12 c1_2 r1_2 cell g=0.5m
x13 c1_3 r1_3 cell g=10u
x14 c1_4 r1_4 cell g=1.2m
x21 c2_1 r2_1 cell g=0.3m
x22 c2_2 r2_2 cell g=1.9m
x23 c2_3 r2_3 cell g=0.8m
x24 c2_4 r2_4 cell g=5u
x31 c3_1 r3_1 cell g=1.1m
x32 c3_2 r3_2 cell g=3u
x33 c3_3 r3_3 cell g=1.5m
x34 c3_4 r3_4 cell g=0.7m
x41 c4_1 r4_1 cell g=40u
x42 c4_2 r4_2 cell g=1m
x43 c4_3 r4_3 cell g=0.25m
x44 c4_4 r4_4 cell g=1.7m

* sense resistors at the end of each row
rsense1 r1_4 0 'rsense'
rsense2 r2_4 0 'rsense'
rsense3 r3_4 0 'rsense'
rsense4 r4_4 0 'rsense'

.dc v1 0 0.2 0.02
.print dc v(r1_4) v(r2_4) v(r3_4) v(r4_4) i(v1)
.end
