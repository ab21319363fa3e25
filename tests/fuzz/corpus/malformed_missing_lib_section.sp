library section that does not exist
* expect-error: line=3 code=missing-lib-section
.lib 'inc/sections.lib' ss
v1 x 0 1
r1 x 0 1k
