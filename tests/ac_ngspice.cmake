# ac_ngspice: a deck with an .ac run by ngspice 39 (`ngspice -b -r ng.raw DECK`) and by
# `xbspice run DECK -o xb.raw`; the AC tables compared, complex values within RELTOL of their
# magnitude (xbspice compare --analysis ac). XB_FILE names xbspice's file holding the .ac when
# an analysis comes before it (xb_2.raw).
# -DXBSPICE= -DDECK= -DWORK= [-DXB_FILE=xb.raw] [-DRELTOL=1e-6]
if(NOT RELTOL)
  set(RELTOL 1e-6)
endif()
if(NOT XB_FILE)
  set(XB_FILE xb.raw)
endif()
get_filename_component(name ${DECK} NAME_WE)
set(dir ${WORK}/ac_${name})
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
execute_process(COMMAND ${XBSPICE} compare ${dir}/${XB_FILE} ${dir}/ng.raw --analysis ac
  --reltol ${RELTOL} --abstol 1e-15 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the .ac of ${DECK} differs from ngspice's")
endif()
