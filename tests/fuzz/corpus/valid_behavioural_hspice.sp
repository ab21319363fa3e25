HSPICE behavioural sources
* expect: nodes=4 elements=6
.param gain=1e5 pwra=3.3
vinp inp 0 1.0
vinn inn 0 0.99
ep op 0 VOL='(V(INP)-V(INN))*gain' MAX='PWRA*1' MIN='0*pwra'
gsq 0 sq CUR='v(inp)*v(inp)*1m'
rsq sq 0 1k
rop op 0 1meg
.op
.end
