# .measure of xbspice against ngspice's .meas on the same deck: every name in NAMES within
# relative TOL. XBSPICE, DECK, NAMES (;-list), TOL.
execute_process(COMMAND ngspice -b ${DECK} OUTPUT_VARIABLE ng ERROR_VARIABLE ng_err)
execute_process(COMMAND ${XBSPICE} run ${DECK} OUTPUT_VARIABLE xb RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice failed:\n${xb}")
endif()
foreach(name ${NAMES})
  string(REGEX MATCH "\n${name} +=  *([-+0-9.eE]+)" m_ng "\n${ng}")
  set(v_ng ${CMAKE_MATCH_1})
  string(REGEX MATCH "\n${name} +=  *([-+0-9.eE]+)" m_xb "\n${xb}")
  set(v_xb ${CMAKE_MATCH_1})
  if(v_ng STREQUAL "" OR v_xb STREQUAL "")
    message(FATAL_ERROR "${name}: ngspice '${v_ng}', xbspice '${v_xb}'\n${ng}\n${xb}")
  endif()
  # |xb - ng| <= TOL·|ng|: CMake has no floating-point arithmetic, awk does.
  execute_process(COMMAND awk -v a=${v_xb} -v b=${v_ng} -v t=${TOL}
    "BEGIN { d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b; exit !(d <= t * m + 1e-30) }"
    RESULT_VARIABLE close)
  if(NOT close EQUAL 0)
    message(FATAL_ERROR "${name}: xbspice ${v_xb}, ngspice ${v_ng}")
  endif()
  message(STATUS "${name}: xbspice ${v_xb}, ngspice ${v_ng}")
endforeach()
