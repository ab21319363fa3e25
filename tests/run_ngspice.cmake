# run_ngspice(DECK RAW WORK): Debian's ngspice in batch mode on DECK, results in RAW. An exported
# deck with a .control block (sweeps ngspice's .dc cannot run) writes its own raw file, named
# after the deck, in ngspice's working directory WORK; other decks are run with -r RAW.
function(run_ngspice deck raw work)
  file(READ ${deck} text)
  file(REMOVE ${raw})
  if(text MATCHES "\n\\.control\n")
    execute_process(COMMAND ngspice -b ${deck} WORKING_DIRECTORY ${work} RESULT_VARIABLE rc
      OUTPUT_VARIABLE out ERROR_VARIABLE err)
  else()
    execute_process(COMMAND ngspice -b -r ${raw} ${deck} RESULT_VARIABLE rc
      OUTPUT_VARIABLE out ERROR_VARIABLE err)
  endif()
  if(NOT rc EQUAL 0 OR NOT EXISTS ${raw})
    message(FATAL_ERROR "ngspice failed on ${deck}:\n${out}${err}")
  endif()
endfunction()
