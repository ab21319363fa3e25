RC low-pass: complex vectors of an ac command (xbspice test deck)
v1 in 0 dc 0 ac 1
r1 in out 1k
c1 out 0 1u
.control
ac lin 3 100 300
print v(out)
let z = v(out)[1]
print z
print mag(v(out)) ph(v(out)) db(v(out))
let y = v(out) * 2 + j(1)
print y[0]
echo $&z
print mean(v(out)) vecmax(mag(v(out))) length(v(out))
set wr_vecnames
wrdata ac_vectors.txt v(out) mag(v(out))
print frequency
meas ac vr1 find v(out) at=200
meas ac vd find vdb(out) at=200
meas ac vp1 find vp(out) at=200
.endc
.end
