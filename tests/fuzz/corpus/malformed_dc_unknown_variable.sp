DC sweep of something that is not a source, parameter or temp
* expect-error: line=5 code=unknown-sweep
v1 x 0 1
r1 x 0 1k
.dc vnope 0 1 0.1
