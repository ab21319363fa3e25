# `xbspice export DECK --to ngspice`, run by Debian's ngspice, agrees with xbspice on DECK:
# COMPARE holds the tolerance arguments of `xbspice compare`. XBSPICE, DECK, WORK.
get_filename_component(name ${DECK} NAME_WE)
set(base ${WORK}/export_${name})
execute_process(COMMAND ${XBSPICE} export ${DECK} --to ngspice -o ${base}_ng.sp RESULT_VARIABLE rc
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export failed: ${err}")
endif()
# A deck with a .control block (sweeps ngspice's .dc cannot run) writes its own raw file, named
# after the deck, in ngspice's working directory; others are run with -r.
file(READ ${base}_ng.sp exported)
if(exported MATCHES "\n\\.control\n")
  file(REMOVE ${base}_ng.raw)
  execute_process(COMMAND ngspice -b ${base}_ng.sp WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
else()
  execute_process(COMMAND ngspice -b -r ${base}_ng.raw ${base}_ng.sp RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
if(NOT rc EQUAL 0 OR NOT EXISTS ${base}_ng.raw)
  message(FATAL_ERROR "ngspice failed on the exported deck:\n${out}${err}")
endif()
execute_process(COMMAND ${XBSPICE} run ${DECK} -o ${base}_xb.csv RESULT_VARIABLE rc
  OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice failed: ${err}")
endif()
separate_arguments(tolerances UNIX_COMMAND "${COMPARE}")
execute_process(COMMAND ${XBSPICE} compare ${base}_ng.raw ${base}_xb.csv ${tolerances}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice and ngspice disagree on the exported deck:\n${out}")
endif()
message(STATUS "${out}")
