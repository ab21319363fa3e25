include file that does not exist
* expect-error: line=4 code=missing-include
v1 a 0 1
.include 'no_such_file.inc'
r1 a 0 1k
