RC charging and an RC ladder measured by a .control block (xbspice test deck)
vin in 0 pulse(0 1 0 1n 1n 4m 10m)
r1 in c1 1k
c1 c1 0 1u
r2 c1 c2 2k
c2 c2 0 0.5u
.control
tran 10u 8m
meas tran t50 when v(c1)=0.5 rise=1
meas tran t90 when v(c1)=0.9 rise=1
meas tran vmax max v(c2)
let rise = t90 - t50
print rise
if vmax > 0.5
  echo ladder charged above half
end
.endc
.end
