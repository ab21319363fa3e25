# The letters network exported for ngspice (the bundled weights, the first 48 test patterns as a
# .data sweep) and run by Debian's ngspice agrees with xbspice on the same deck within 1e-6.
# XBSPICE, WORK.
set(base ${WORK}/letters_export)
file(MAKE_DIRECTORY ${base})
include(${CMAKE_CURRENT_LIST_DIR}/xbspice_call.cmake)
xb(letters deck --first 48 --to ngspice -o ${base}/ng.sp)
include(${CMAKE_CURRENT_LIST_DIR}/run_ngspice.cmake)
run_ngspice(${base}/ng.sp ${base}/ng.raw ${base})
xb(letters deck --first 48 -o ${base}/xb.sp)
xb(run ${base}/xb.sp -o ${base}/xb.csv)
xb(compare ${base}/ng.raw ${base}/xb.csv --reltol 1e-6 --abstol 1e-12 -s v\(out0\) v\(out1\)
  v\(out2\) v\(out3\) v\(h0\) v\(h3\) v\(h7\))
message(STATUS "${out}")
