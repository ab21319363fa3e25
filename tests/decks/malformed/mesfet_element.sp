a MESFET: named as the device xbspice does not have
* expect-error: line=4 code=unsupported
v1 a 0 1
z1 a 0 0 zmod
.model zmod nmf
