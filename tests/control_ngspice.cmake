# control_ngspice: one deck with a .control block run by ngspice 39 (`ngspice -b DECK`) and by
# `xbspice run DECK`, each in a folder of its own. Every line xbspice prints must appear, in
# order, in ngspice's output (match_output: numbers within RELTOL), and each file in FILES the
# block writes must agree: raw files by `xbspice compare`, text (wrdata) by match_output.
# -DXBSPICE= -DMATCH= -DDECK= -DWORK= [-DFILES=a.txt;b.raw] [-DRELTOL=1e-5] [-DRANGETOL=0] [-DSILENT_OK=1: a
# deck that checks itself and echoes only mismatches passes when neither prints a result]
if(NOT RELTOL)
  set(RELTOL 1e-5)
endif()
if(NOT RANGETOL)  # raw files of transients: the fraction of each signal's range also accepted
  set(RANGETOL 0)
endif()
get_filename_component(name ${DECK} NAME_WE)
set(ng ${WORK}/control_${name}/ngspice)
set(xb ${WORK}/control_${name}/xbspice)
file(REMOVE_RECURSE ${ng} ${xb})
file(MAKE_DIRECTORY ${ng} ${xb})
execute_process(COMMAND ngspice -b ${DECK} WORKING_DIRECTORY ${ng}
  RESULT_VARIABLE rc OUTPUT_FILE ${ng}/stdout.txt ERROR_FILE ${ng}/stderr.txt)
# ngspice -b exits 1 after a .control block when the deck has no .print or .plot ("no
# simulations run"); anything else is a failure.
if(NOT (rc EQUAL 0 OR rc EQUAL 1))
  file(READ ${ng}/stderr.txt err)
  message(FATAL_ERROR "ngspice -b ${DECK} failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${XBSPICE} run ${DECK} WORKING_DIRECTORY ${xb}
  RESULT_VARIABLE rc OUTPUT_FILE ${xb}/stdout.txt ERROR_FILE ${xb}/stderr.txt)
file(READ ${xb}/stderr.txt err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice run ${DECK} failed (${rc}):\n${err}")
endif()
file(READ ${xb}/stdout.txt printed)
if(printed STREQUAL "" AND FILES)
  message(STATUS "nothing printed: the files written are compared")
else()
  set(silent "")
  if(SILENT_OK)
    set(silent 1e-12 silent-ok)
  endif()
  execute_process(COMMAND ${MATCH} ${xb}/stdout.txt ${ng}/stdout.txt ${RELTOL} ${silent}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "printed output differs from ngspice's")
  endif()
endif()
foreach(f ${FILES})
  if(NOT EXISTS ${ng}/${f} OR NOT EXISTS ${xb}/${f})
    message(FATAL_ERROR "${f} was not written by both (ngspice: ${ng}, xbspice: ${xb})")
  endif()
  file(READ ${ng}/${f} head LIMIT 16)
  string(FIND "${head}" "Title:" at)
  if(at EQUAL 0)  # an ngspice raw file (write), whatever its name
    execute_process(COMMAND ${XBSPICE} compare ${xb}/${f} ${ng}/${f} --reltol ${RELTOL} --abstol 1e-12
      --range-tol ${RANGETOL}
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  else()
    execute_process(COMMAND ${MATCH} ${xb}/${f} ${ng}/${f} ${RELTOL}
      RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  endif()
  message(STATUS "${f}: ${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${f} differs from ngspice's")
  endif()
endforeach()
