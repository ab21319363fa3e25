measure statements arale=_50 rise=1
.meas tran vmax max v(ouavg v(out) from=0 to=20n
.meas rnatt cross when v(out)='vdd_50' risut)
.measure tran avgv avg v(out) from=0(to=20n
.meas tran tcoi ÿ 1 2ckt mid a b params paramÿÿÿÿÿÿ: r=10
xl a opamp
