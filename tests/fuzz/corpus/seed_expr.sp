t
.param a={b*2} b=3
E1 o 0 VOL='v(x)>1?1:0'
.dc v1 0 1 0.1 sweep a poi 2 1 2
