# run_ngspice(DECK RAW WORK): Debian's ngspice in batch mode on DECK, results in RAW, run as a
# user would: `ngspice -b -r RAW DECK` in WORK. An exported deck with a .control block (sweeps
# ngspice's .dc cannot run) writes where -r points as well; with NGSPICE_NO_R set, such a deck
# is run as `ngspice -b DECK` and must write RAW, the file its header names, by itself.
function(run_ngspice deck raw work)
  file(REMOVE ${raw})
  if(NGSPICE_NO_R)
    set(args -b ${deck})
  else()
    set(args -b -r ${raw} ${deck})
  endif()
  execute_process(COMMAND ngspice ${args} WORKING_DIRECTORY ${work}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT EXISTS ${raw})
    message(FATAL_ERROR "ngspice ${args} failed or wrote no ${raw}:\n${out}${err}")
  endif()
endfunction()

# ngspice_raw_path(BASE OUT): where a test asks ngspice for its raw file, ${BASE}_ng_r.raw under
# -r (another name than the one a .control block names by itself, so that both count), or the
# block's own ${BASE}_ng.raw with NGSPICE_NO_R.
function(ngspice_raw_path base out)
  if(NGSPICE_NO_R)
    set(${out} ${base}_ng.raw PARENT_SCOPE)
  else()
    set(${out} ${base}_ng_r.raw PARENT_SCOPE)
  endif()
endfunction()
