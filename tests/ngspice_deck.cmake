# ngspice_deck: a deck run by ngspice 39 (`ngspice -b -r ng.raw DECK`) and by `xbspice run
# DECK -o xb.raw`, then each CHECK compared by `xbspice compare`: CHECK is
# FILE:ANALYSIS:RELTOL:RANGETOL, FILE the xbspice result file of that analysis (xb.raw,
# xb_2.raw, ... in the order of the deck's analyses), RANGETOL the fraction of each signal's
# range also accepted (transients: two time grids).
# -DXBSPICE= -DDECK= -DWORK= -DCHECKS=xb.raw:dc:1e-6:0;xb_2.raw:tran:1e-3:1e-3
get_filename_component(name ${DECK} NAME_WE)
set(dir ${WORK}/deck_${name})
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ngspice -b -r ${dir}/ng.raw ${DECK} WORKING_DIRECTORY ${dir}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${dir}/ng.raw)
  message(FATAL_ERROR "ngspice -b -r ng.raw ${DECK} wrote nothing (${rc}):\n${out}${err}")
endif()
execute_process(COMMAND ${XBSPICE} run ${DECK} -o ${dir}/xb.raw WORKING_DIRECTORY ${dir}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice run ${DECK} failed (${rc}):\n${out}${err}")
endif()
foreach(check ${CHECKS})
  string(REPLACE ":" ";" parts ${check})
  list(GET parts 0 file)
  list(GET parts 1 analysis)
  list(GET parts 2 reltol)
  list(GET parts 3 rangetol)
  execute_process(COMMAND ${XBSPICE} compare ${dir}/${file} ${dir}/ng.raw --analysis ${analysis}
    --reltol ${reltol} --abstol 1e-12 --range-tol ${rangetol}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${check}:\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the .${analysis} of ${DECK} differs from ngspice's")
  endif()
endforeach()
