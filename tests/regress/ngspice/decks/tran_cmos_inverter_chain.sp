Three level-1 CMOS inverters with Meyer, overlap and junction capacitances
vdd vdd 0 5
vin in 0 pulse(0 5 1n 0.5n 0.5n 5n 30n)
mp1 o1 in vdd vdd pch w=20u l=1u ad=40p as=40p pd=24u ps=24u
mn1 o1 in 0 0 nch w=10u l=1u ad=20p as=20p pd=14u ps=14u
mp2 o2 o1 vdd vdd pch w=20u l=1u ad=40p as=40p pd=24u ps=24u
mn2 o2 o1 0 0 nch w=10u l=1u ad=20p as=20p pd=14u ps=14u
mp3 o3 o2 vdd vdd pch w=20u l=1u ad=40p as=40p pd=24u ps=24u
mn3 o3 o2 0 0 nch w=10u l=1u ad=20p as=20p pd=14u ps=14u
cl o3 0 50f
.model nch nmos level=1 vto=0.8 kp=60u gamma=0.4 phi=0.65 lambda=0.02 tox=20n cgso=0.3n cgdo=0.3n cgbo=0.2n cj=0.3m cjsw=0.5n mj=0.5 mjsw=0.33 pb=0.8
.model pch pmos level=1 vto=-0.9 kp=25u gamma=0.5 phi=0.65 lambda=0.03 tox=20n cgso=0.3n cgdo=0.3n cgbo=0.2n cj=0.5m cjsw=0.6n mj=0.5 mjsw=0.33 pb=0.8
* Tight tolerances: the gate currents jump where the input ramps start and end, and two
* simulators agree to 1e-3 of their range only when both are close to the exact waveform.
.options reltol=1e-6 vntol=1e-9
.tran 0.05n 15n 0 5p
.end
