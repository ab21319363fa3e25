resistor divider swept by dc commands, altered in loops (xbspice test deck)
v1 a 0 1
v2 c 0 0
r1 a b 3k
r2 b c 1k
.control
* nested sweep: v1 inner (the scale), v2 outer
dc v1 0 1 0.25 v2 0 1 0.5
print v(b) i(v1)
let gain = v(b) / (v(a) + 1)
print gain[1] length(gain) v(b)[14]
set wr_vecnames
set wr_singlescale
wrdata divider_dc.txt v(b) i(v2)
* the same through the deck's own analysis of another source value
foreach r 500 1k 2k 4k
  alter r2 = $r
  op
  print v(b)
end
set k = 0
dowhile $k < 3
  let next = $k + 1
  set k = "$&next"
  alter v1 dc = $k
  op
  echo step $k v(b) = $&v(b)
end
write divider_op.raw v(b) v(a)
.endc
.end
