POLY source with a negative dimension (found by the fuzzer)
* expect-error: line=5 code=syntax
va a 0 1
vb b 0 2
e1 o 0 poly(-2) a 0 b 0 0 1 1 0.5
ro o 0 1k
