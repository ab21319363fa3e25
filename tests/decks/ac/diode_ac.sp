Forward-biased diode, its junction and diffusion capacitance in AC (xbspice test deck)
vb b 0 dc 0.65 ac 1m
rs b a 100
d1 a 0 dmod
d2 a k dmod
rk k 0 1k
.model dmod d is=1e-14 n=1.2 rs=5 cjo=2p vj=0.7 m=0.4 tt=10n
.ac oct 4 1k 1g
.print ac v(a) v(k) i(vb)
.end
