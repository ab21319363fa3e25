element letter that SPICE does not know
* expect-error: line=4 code=unknown-element
v1 a 0 1
%1 a 0 1k
