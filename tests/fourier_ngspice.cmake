# fourier_ngspice: a deck with .four run by ngspice 39 (`ngspice -b DECK`) and `xbspice run
# DECK`; the Fourier tables both print (from "Fourier analysis for" to the blank line after the
# table) must match line by line, numbers within 1e-4 relative or 1e-5 absolute (phases near 0
# degrees are noise at 1e-7 in both).
# -DXBSPICE= -DMATCH= -DDECK= -DWORK=
get_filename_component(name ${DECK} NAME_WE)
set(dir ${WORK}/fourier_${name})
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ngspice -b ${DECK} WORKING_DIRECTORY ${dir}
  OUTPUT_VARIABLE ng ERROR_VARIABLE ng_err)
execute_process(COMMAND ${XBSPICE} run ${DECK} WORKING_DIRECTORY ${dir}
  RESULT_VARIABLE rc OUTPUT_VARIABLE xb ERROR_VARIABLE xb_err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xbspice run ${DECK} failed (${rc}):\n${xb}${xb_err}")
endif()
# The Fourier blocks alone: xbspice also prints the transient's table, ngspice its chatter.
function(fourier_blocks text out)
  string(REGEX MATCHALL "Fourier analysis for [^\n]*\n([^\n]+\n|\n[^\n])*" blocks "${text}")
  string(REPLACE ";" "\n" joined "${blocks}")
  file(WRITE ${out} "${joined}\n")
endfunction()
fourier_blocks("${ng}" ${dir}/ngspice.txt)
fourier_blocks("${xb}" ${dir}/xbspice.txt)
file(READ ${dir}/xbspice.txt ours)
if(NOT ours MATCHES "Fourier analysis for")
  message(FATAL_ERROR "xbspice printed no Fourier table:\n${xb}")
endif()
execute_process(COMMAND ${MATCH} ${dir}/xbspice.txt ${dir}/ngspice.txt 1e-4 1e-5
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the Fourier tables differ from ngspice's")
endif()
