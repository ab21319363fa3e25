a title and nothing else
* expect-error: line=1 code=no-circuit
