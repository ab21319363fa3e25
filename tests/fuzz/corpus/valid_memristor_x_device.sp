built-in device instantiated by an X line naming a .model
* expect: nodes=2 elements=3
.model tx taox (gm=0.025 a=7.2e-6)
v1 p 0 0.1
rs p q 100
x1 q 0 tx x0=0.1
.op
.end
