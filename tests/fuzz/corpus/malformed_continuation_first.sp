continuation line before any statement
* expect-error: line=3 code=syntax
+ r1 a b 1k
v1 a 0 1
