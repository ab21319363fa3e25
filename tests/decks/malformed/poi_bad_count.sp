POI sweep whose point count is not a whole number
* expect-error: line=5 code=syntax
v1 a 0 1
r1 a 0 1k
.dc v1 poi -3 0.1 0.2 0.3
