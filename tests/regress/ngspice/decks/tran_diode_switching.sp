Diode reverse recovery: junction and diffusion charge
v1 in 0 pulse(1 -1 20n 1n 1n 50n 100n)
r1 in a 50
d1 a 0 dsw
.model dsw d is=1e-15 cjo=5p vj=0.75 m=0.33 fc=0.5 tt=10n
* Tight tolerances: the edges are sharp, and two simulators agree to 1e-3 of the range only
* when both are close to the exact waveform.
.options reltol=1e-7 abstol=1e-15 vntol=1e-9
.tran 0.2n 150n 0 0.01n
.end
