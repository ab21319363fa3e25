RL step response with an inductor current output
v1 in 0 pulse(0 2 1u 10n 10n 20u 50u)
r1 in mid 100
l1 mid 0 1m
.tran 0.1u 40u
.end
