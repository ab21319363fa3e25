* .four whose period (10 ms) is longer than the 4 ms transient: an error after the run, the
* table of the transient kept.
v1 in 0 sin(0 1 1k)
r1 in 0 1k
.tran 10u 4m
.four 100 v(in)
.end
