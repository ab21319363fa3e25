# xb(ARGS...): runs ${XBSPICE} ARGS in ${WORK}; stops the test with its output when it fails,
# else leaves its standard output in `out`.
function(xb)
  execute_process(COMMAND ${XBSPICE} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
    ERROR_VARIABLE err WORKING_DIRECTORY ${WORK})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xbspice ${ARGN} failed (${rc}):\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
