# `xbspice export DECK --to hspice`: the deck keeps its .model cards and X lines, adds
# `.option post` and one `.hdl` per built-in type, and every Verilog-A module written beside it
# parses with admsXml (Debian's adms). XBSPICE, DECK, WORK.
set(dir ${WORK}/export_hspice)
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${XBSPICE} export ${DECK} --to hspice -o ${dir}/deck.sp RESULT_VARIABLE rc
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export failed: ${err}")
endif()
file(READ ${dir}/deck.sp deck)
foreach(line ".option post" ".hdl \"taox.va\"" ".hdl \"conductor.va\"" ".hdl \"opamp_tanh.va\""
        ".hdl \"opamp.va\"" ".hdl \"opamp_ideal.va\"" ".hdl \"pulse_table.va\"" "x1 a b tx x0=0.4" "x4 c 0 d amp rout=10" ".model tx taox")
  string(FIND "${deck}" "${line}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the exported deck lacks '${line}':\n${deck}")
  endif()
endforeach()
file(GLOB modules ${dir}/*.va)
list(LENGTH modules count)
if(NOT count EQUAL 6)
  message(FATAL_ERROR "expected 6 Verilog-A modules, found ${count}")
endif()
foreach(va ${modules})
  execute_process(COMMAND admsXml ${va} WORKING_DIRECTORY ${dir} RESULT_VARIABLE rc
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "admsXml rejects ${va}:\n${out}${err}")
  endif()
endforeach()
