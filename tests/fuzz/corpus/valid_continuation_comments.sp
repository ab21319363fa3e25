Continuations, comments and case
* expect: nodes=3 elements=4
* a comment line
   * an indented comment line
V1 IN 0
+ DC 1          $ the supply
R1 IN MID       ; ngspice comment
* a comment between a card and its continuation
+ 1K
R2 MID OUT 2k $ trailing
+ TC1=0.001
$ a dollar comment at line start

r3 out 0 3k
.op
.END
