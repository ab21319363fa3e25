include loop through two files
* expect-error: line=3 code=include-loop file=loop_b.inc
.include 'inc/loop_a.inc'
v1 a 0 1
