# `run --lis` writes a listing that xbspice's .lis reader reads back: its print table agrees with
# the run's CSV to the listing's 5 digits. XBSPICE, DECK, WORK (files named after the deck, so
# that tests running in parallel do not share them).
get_filename_component(name ${DECK} NAME_WE)
set(base ${WORK}/roundtrip_${name})
execute_process(COMMAND ${XBSPICE} run ${DECK} --lis ${base}.lis -o ${base}.csv
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "run failed: ${err}")
endif()
file(READ ${base}.lis lis)
if(NOT lis MATCHES "job concluded")
  message(FATAL_ERROR "listing:\n${lis}")
endif()
execute_process(COMMAND ${XBSPICE} compare ${base}.csv ${base}.lis --reltol 1e-4
  --abstol 1e-9 RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "all compared signals pass")
  message(FATAL_ERROR "the listing does not read back:\n${out}")
endif()
