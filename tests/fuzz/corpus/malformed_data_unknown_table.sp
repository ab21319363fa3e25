data sweep of a table that does not exist
* expect-error: line=5 code=unknown-data
v1 x 0 1
r1 x 0 1k
.dc data=missing
