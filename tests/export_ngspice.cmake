# `xbspice export DECK --to ngspice`, run by Debian's ngspice, agrees with xbspice on DECK:
# COMPARE holds the tolerance arguments of `xbspice compare`. XBSPICE, DECK, WORK.
get_filename_component(name ${DECK} NAME_WE)
file(MAKE_DIRECTORY ${WORK})
set(base ${WORK}/export_${name})
execute_process(COMMAND ${XBSPICE} export ${DECK} --to ngspice -o ${base}_ng.sp RESULT_VARIABLE rc
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export failed: ${err}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/run_ngspice.cmake)
ngspice_raw_path(${base} ng_raw)
run_ngspice(${base}_ng.sp ${ng_raw} ${WORK})
execute_process(COMMAND ${XBSPICE} run ${DECK} -o ${base}_xb.csv RESULT_VARIABLE rc
  OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice failed: ${err}")
endif()
separate_arguments(tolerances UNIX_COMMAND "${COMPARE}")
execute_process(COMMAND ${XBSPICE} compare ${ng_raw} ${base}_xb.csv ${tolerances}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice and ngspice disagree on the exported deck:\n${out}")
endif()
message(STATUS "${out}")
