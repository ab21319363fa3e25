Measure cards evaluated by a control block's analyses (ngspice prints them after each run)
v1 in 0 pulse(0 1 10u 1u 1u 200u 400u)
r1 in out 1k
c1 out 0 47n
.tran 1u 400u
.meas tran rise trig v(out) val=0.1 rise=1 targ v(out) val=0.9 rise=1
.meas tran fall trig v(out) val=0.9 fall=1 targ v(out) val=0.1 fall=1
.meas tran v_at find v(out) at=100u
.meas tran t_half when v(out)=0.5 rise=1
.meas tran vmax max v(out)
.options noacct
.control
run
tran 0.5u 400u
quit
.endc
.end
