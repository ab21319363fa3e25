# `xbspice export DECK --to hspice`: the exported deck holds no B element (HSPICE has none) and,
# run by xbspice, agrees with DECK to relative 1e-9. XBSPICE, DECK, WORK.
get_filename_component(name ${DECK} NAME_WE)
# Each test its own folder: the Verilog-A modules beside the deck have shared names (taox.va).
set(base ${WORK}/hspice_rerun_${name}/${name})
file(MAKE_DIRECTORY ${WORK}/hspice_rerun_${name})
foreach(step "export;${DECK};--to;hspice;-o;${base}.sp" "run;${DECK};-o;${base}_orig.csv"
    "run;${base}.sp;-o;${base}_hs.csv"
    "compare;${base}_hs.csv;${base}_orig.csv;--reltol;1e-9;--abstol;1e-15")
  execute_process(COMMAND ${XBSPICE} ${step} RESULT_VARIABLE rc OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xbspice ${step} failed (${rc}):\n${out}${err}")
  endif()
endforeach()
file(STRINGS ${base}.sp lines)
list(REMOVE_AT lines 0)  # the title
list(FILTER lines INCLUDE REGEX "^[bB]")
if(lines)
  message(FATAL_ERROR "B elements in the HSPICE export: ${lines}")
endif()
message(STATUS "${out}")
