Behavioural sources: ngspice's B with unquoted expressions, HSPICE's E VOL= and G CUR=
* The HSPICE export turns b1/b2 into eb1 (VOL=) and gb2 (CUR=); HSPICE has no B source.
v1 a 0 dc 0.5
b1 x 0 v = v(a)*v(a) +1
r1 x 0 1k
b2 0 w i={v(a)/2k}
r4 w 0 1k
e1 y 0 vol='2*v(a)'
r2 y 0 1k
g1 0 z cur='v(a)/1k'
r3 z 0 1k
.dc v1 -1 1 0.25
.end
