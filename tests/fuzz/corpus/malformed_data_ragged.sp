.data table whose values do not fill whole rows
* expect-error: line=8 code=syntax
.param a=1 b=2
v1 x 0 'a'
r1 x 0 'b'
.data t a b
+ 1 2 3
.enddata
.dc data=t
