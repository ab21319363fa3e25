expressions: conditional, logic and the function set
* expect: nodes=1 elements=8
.param mode=2 x=0.3
.param r_a='mode == 2 ? 1k : 2k'
.param r_b='if(x > 0.5, 10, 20) * limit(x, 0, 1) * 100'
.param r_c='sqrt(16)*exp(0)*pow(2,3)*pwr(-2,2)*abs(-1)*max(1,2,3)*min(4,5)'
.param r_d='floor(2.7)+ceil(0.2)+int(-3.9)+sgn(-2)+sign(2,-1)+log10(100)+ln(exp(1))+log(1)'
.param r_e='sin(0)+cos(0)+tan(0)+asin(0)+acos(1)+atan(0)+atan2(0,1)+sinh(0)+cosh(0)+tanh(0)'
.param r_f='(mode > 1 && x < 1) || 0 ? 100 : 200'
v1 a 0 1
r1 a 0 r_a
r2 a 0 r_b
r3 a 0 'r_c'
r4 a 0 'r_d+100'
r5 a 0 'r_e*100'
r6 a 0 'r_f'
r7 a 0 '2**3 + 2^2 + 7%4'
.op
.end
