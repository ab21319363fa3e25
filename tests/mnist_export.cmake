# The MNIST network exported for ngspice (a small hidden layer, 1 ohm wires, 5 images) and run by
# Debian's ngspice agrees with xbspice on the same deck: outputs and hidden voltages within
# 1e-6 relative (1e-8 V absolute; the export's op-amps have gain 1e8, xbspice's are nullors).
# XBSPICE, WORK.
set(base ${WORK}/mnist_export)
file(MAKE_DIRECTORY ${base})
include(${CMAKE_CURRENT_LIST_DIR}/xbspice_call.cmake)
xb(mnist train --hidden 4 --epochs 1 -o ${base})
set(net --w1 ${base}/W1.csv --w2 ${base}/W2.csv --wire-r 1 --first 5)
xb(mnist deck ${net} --to ngspice -o ${base}/ng.sp)
include(${CMAKE_CURRENT_LIST_DIR}/run_ngspice.cmake)
run_ngspice(${base}/ng.sp ${base}/ng.raw ${base})
xb(mnist deck ${net} -o ${base}/xb.sp)
xb(run ${base}/xb.sp -o ${base}/xb.csv)
set(signals)
foreach(k 0 1 2 3 4 5 6 7 8 9)
  list(APPEND signals v\(out${k}\))
endforeach()
foreach(k 0 1 2 3)
  list(APPEND signals v\(h${k}\))
endforeach()
xb(compare ${base}/ng.raw ${base}/xb.csv --reltol 1e-6 --abstol 1e-8 -s ${signals})
message(STATUS "${out}")
