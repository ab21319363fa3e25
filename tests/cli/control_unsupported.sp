An ngspice control block with a command xbspice does not run
v1 a 0 1
r1 a 0 1k
.control
op
  shell ls
print v(a)
.endc
.end
