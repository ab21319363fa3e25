po&lynomicla ontrolled souements=5
va a 0 1
vb b 0 2
e1 o 0 poly(-2) a 0 b 0 0š1 10 .5
ro o 0 1k
rb b  b 0 0š1 10 .5
ro o 0 1kb 0 2
e1 o 0 poly(2) a 0 b 0 0š1 
. 1
vb b 0 2
e1 o 0 poly(2) a 0 b 0 0ÿš1 10 .5
ro o 0 1kb 0 2
e1 o 0 poly(2) a 0 b 0 0š1 10 .5
ro 10 .5
ro o 0 1k
rb nd
