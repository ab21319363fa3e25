current-controlled voltage source as a transimpedance amplifier
is 0 a 10u
ra a 0 100k
vsense a b 0
rb b 0 10k
h1 out 0 vsense 50k
rl out 0 1k
.dc is 0 50u 10u
.end
