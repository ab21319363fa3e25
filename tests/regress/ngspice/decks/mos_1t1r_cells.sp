1T1R cells: access transistors in series with resistors, word lines on and off
.model nacc nmos (level=1 vto=0.5 kp=300u lambda=0.02 gamma=0.3)
vbl bl 0 0.2
vwl1 wl1 0 1.2
vwl2 wl2 0 0.8
vwl3 wl3 0 0
r1 bl m1 10k
r2 bl m2 5k
r3 bl m3 20k
ma1 m1 wl1 sl 0 nacc w=1u l=0.2u
ma2 m2 wl2 sl 0 nacc w=1u l=0.2u
ma3 m3 wl3 sl 0 nacc w=1u l=0.2u
vsl sl 0 0
.dc vbl 0 0.5 0.05
.options reltol=1e-7 vntol=1e-10 abstol=1e-14
.end
