Five-stage level-1 CMOS ring oscillator, started from .ic values held in the initial point
vdd vdd 0 3.3
mp1 a e vdd vdd pch w=4u l=0.5u
mn1 a e 0 0 nch w=2u l=0.5u
mp2 b a vdd vdd pch w=4u l=0.5u
mn2 b a 0 0 nch w=2u l=0.5u
mp3 c b vdd vdd pch w=4u l=0.5u
mn3 c b 0 0 nch w=2u l=0.5u
mp4 d c vdd vdd pch w=4u l=0.5u
mn4 d c 0 0 nch w=2u l=0.5u
mp5 e d vdd vdd pch w=4u l=0.5u
mn5 e d 0 0 nch w=2u l=0.5u
ca a 0 20f
cb b 0 20f
cc c 0 20f
cd d 0 20f
ce e 0 20f
.model nch nmos level=1 vto=0.6 kp=100u gamma=0.3 phi=0.7 lambda=0.05 tox=10n cgso=0.2n cgdo=0.2n cj=0.5m cjsw=0.3n
.model pch pmos level=1 vto=-0.7 kp=40u gamma=0.4 phi=0.7 lambda=0.05 tox=10n cgso=0.2n cgdo=0.2n cj=0.6m cjsw=0.3n
.ic v(a)=0 v(b)=3.3 v(c)=0 v(d)=3.3 v(e)=0
* An oscillator accumulates phase error: Newton's tolerance must be tight for two simulators
* to agree after several periods.
.options reltol=1e-6
.tran 0.01n 3n 0 1p
.end
