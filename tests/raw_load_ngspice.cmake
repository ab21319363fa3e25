# Writes DECK's results as an ngspice raw file (binary, then ASCII) with XBSPICE, loads each in
# ngspice with its own `load` command and checks a value ngspice prints from it.
#   -DXBSPICE=... -DDECK=... -DWORK=dir -DSIGNAL=v(r1_4) -DMATCH=<text in ngspice's print>
foreach(form binary ascii)
  set(raw "${WORK}/load_${form}.raw")
  set(extra "")
  if(form STREQUAL "ascii")
    set(extra "--ascii")
  endif()
  execute_process(COMMAND ${XBSPICE} run ${DECK} -o ${raw} ${extra} RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xbspice failed (${rc})")
  endif()
  file(WRITE "${WORK}/load_${form}.cir" "load test\n.control\nload ${raw}\nprint ${SIGNAL}\n.endc\n.end\n")
  execute_process(COMMAND ngspice -b "${WORK}/load_${form}.cir" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${out}${err}" "${MATCH}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "ngspice did not print '${MATCH}' from the ${form} raw file:\n${out}${err}")
  endif()
endforeach()
