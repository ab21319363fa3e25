# `xbspice crossbar ARGS`: the built crossbar simulated by xbspice (1) agrees with ngspice on the
# same builder's ngspice export (2), and the deck it writes runs in `xbspice run` to the same
# bits (3). XBSPICE, WORK, NAME, ARGS (a list), COMPARE (tolerance arguments for step 2).
set(base ${WORK}/crossbar_${NAME})
include(${CMAKE_CURRENT_LIST_DIR}/xbspice_call.cmake)
xb(crossbar ${ARGS} -o ${base}_xb.csv)
# (2) ngspice on the export (a .data sweep gives a .control block).
file(REMOVE ${base}_ng.sp)
xb(crossbar ${ARGS} --deck ${base}_ng.sp --to ngspice)
include(${CMAKE_CURRENT_LIST_DIR}/run_ngspice.cmake)
ngspice_raw_path(${base} ng_raw)
run_ngspice(${base}_ng.sp ${ng_raw} ${WORK})
separate_arguments(tolerances UNIX_COMMAND "${COMPARE}")
xb(compare ${ng_raw} ${base}_xb.csv ${tolerances})
message(STATUS "ngspice against xbspice:\n${out}")
# (3) the saved deck, run again, gives identical numbers.
xb(crossbar ${ARGS} --deck ${base}.sp)
xb(run ${base}.sp -o ${base}_rerun.csv)
xb(compare ${base}_rerun.csv ${base}_xb.csv --reltol 0 --abstol 0)
# (4) the HSPICE export (Verilog-A beside it, .data columns as parameters) also runs in xbspice;
# a parameter sweep re-solves each point from scratch, so it agrees to Newton's tolerance.
# (its own folder: the Verilog-A modules beside the deck have names shared with other tests)
file(MAKE_DIRECTORY ${base}_hspice)
xb(crossbar ${ARGS} --deck ${base}_hspice/deck.sp --to hspice)
xb(run ${base}_hspice/deck.sp -o ${base}_hs.csv)
xb(compare ${base}_hs.csv ${base}_xb.csv --reltol 1e-9 --abstol 1e-15)
