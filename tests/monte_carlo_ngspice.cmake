# A Monte Carlo .dc of a crossbar against ngspice's way of running one (a .control loop over
# mc_source). XBSPICE, DECK (HSPICE form, SWEEP MONTE=N), NG_DECK (ngspice form, the same
# circuit), N (samples), OUTPUTS (;-list of measure indices j: xbspice's i<j>, ngspice's
# mean<j> and sigma<j>).
#   - ngspice draws from a seed of its own choosing: its mean and sigma must agree with
#     xbspice's within 5 standard errors (the means' difference sigma·√(2/N); the sigmas',
#     about sigma/√(N - 1)).
#   - xbspice running the ngspice deck draws the same samples as the HSPICE form (load =
#     sample 1, each mc_source the next): the same statistics within 1e-9.
execute_process(COMMAND ngspice -b ${NG_DECK} OUTPUT_VARIABLE ng ERROR_VARIABLE ng_err)
execute_process(COMMAND ${XBSPICE} run ${NG_DECK} OUTPUT_VARIABLE xb_ctl RESULT_VARIABLE rc1)
execute_process(COMMAND ${XBSPICE} run ${DECK} OUTPUT_VARIABLE xb RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "xbspice failed:\n${xb_ctl}\n${xb}")
endif()
set(num "([-+0-9.eE]+)")
function(check what a b tol)
  execute_process(COMMAND awk -v a=${a} -v b=${b} -v t=${tol}
    "BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }" RESULT_VARIABLE close)
  if(NOT close EQUAL 0)
    message(FATAL_ERROR "${what}: ${a} against ${b}, allowed difference ${tol}")
  endif()
  message(STATUS "${what}: ${a} against ${b} (allowed ${tol})")
endfunction()
foreach(j ${OUTPUTS})
  string(REGEX MATCH "\ni${j}: mean = *${num}  sigma = *${num}" m "\n${xb}")
  set(mean ${CMAKE_MATCH_1})
  set(sigma ${CMAKE_MATCH_2})
  string(REGEX MATCH "\nmean${j} = ${num}\nsigma${j} = ${num}" m "\n${ng}")
  set(ng_mean ${CMAKE_MATCH_1})
  set(ng_sigma ${CMAKE_MATCH_2})
  string(REGEX MATCH "\nmean${j} = ${num}\nsigma${j} = ${num}" m "\n${xb_ctl}")
  set(ctl_mean ${CMAKE_MATCH_1})
  set(ctl_sigma ${CMAKE_MATCH_2})
  if(mean STREQUAL "" OR ng_mean STREQUAL "" OR ctl_mean STREQUAL "")
    message(FATAL_ERROR "output ${j} missing:\nngspice:\n${ng}\nxbspice:\n${xb}\n${xb_ctl}")
  endif()
  execute_process(COMMAND awk -v s=${ng_sigma} -v n=${N}
    "BEGIN { printf \"%.6e %.6e\", 5 * s * sqrt(2 / n), 5 * s / sqrt(n - 1) }"
    OUTPUT_VARIABLE tols)
  separate_arguments(tols)
  list(GET tols 0 mean_tol)
  list(GET tols 1 sigma_tol)
  check("mean of i(vs${j}) vs ngspice" ${mean} ${ng_mean} ${mean_tol})
  check("sigma of i(vs${j}) vs ngspice" ${sigma} ${ng_sigma} ${sigma_tol})
  execute_process(COMMAND awk -v m=${mean} "BEGIN { printf \"%.3e\", 1e-9 * (m < 0 ? -m : m) }"
    OUTPUT_VARIABLE exact)
  check("mean of i(vs${j}), HSPICE form vs the mc_source loop" ${mean} ${ctl_mean} ${exact})
  check("sigma of i(vs${j}), HSPICE form vs the mc_source loop" ${sigma} ${ctl_sigma} ${exact})
endforeach()
