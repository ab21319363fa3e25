current_subtractor of models/crossbar.lib: v(out) = r*(I(pos) - I(neg)), r = 2k, op-amp gain 1e5
* (the finite gain leaves a relative error of order 1e-5: tolerance rel 1e-4)
*REGRESS v(out) rel=1e-4 abs=1e-9
.include '../../../models/crossbar.lib'
ip 0 pos 0
in 0 neg 0.2m
x1 pos neg out current_subtractor r=2k
.dc ip -1m 1m 0.1m
.end
