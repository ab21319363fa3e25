* A control-block meas whose value names a vector (ngspice): the half of a measured maximum,
* and a let of the block, read by WHEN; WHEN within FROM/TO; MAX_AT.
v1 in 0 sin(0 1 1k)
r1 in out 1k
c1 out 0 100n
.control
tran 2u 3m
meas tran vmax max v(out) from=1m to=3m
let half = vmax/2
meas tran thalf when v(out)=half rise=2
meas tran tpeak max_at v(out) from=1m to=2m
let level = 0.3
meas tran tlevel when v(out)=level fall=1 from=1.5m
.endc
.end
