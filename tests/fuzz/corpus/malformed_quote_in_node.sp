expression where a subcircuit node belongs
* expect-error: line=4 code=syntax
v1 x 0 1
x1 x 'n+1' sub
