# `xbspice regress --bless` writes goldens, after which the same cases pass; a perturbed golden
# fails at the perturbed point. XBSPICE, DECK (a deck with *REGRESS directives), WORK.
file(MAKE_DIRECTORY ${WORK}/bless)
file(COPY ${DECK} DESTINATION ${WORK}/bless)
get_filename_component(name ${DECK} NAME_WE)
file(REMOVE ${WORK}/bless/${name}.csv)
execute_process(COMMAND ${XBSPICE} regress ${WORK}/bless --bless RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "new golden")
  message(FATAL_ERROR "bless: exit ${rc}\n${out}")
endif()
execute_process(COMMAND ${XBSPICE} regress ${WORK}/bless -j 2 --junit ${WORK}/bless/report.xml
  RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "0 failed")
  message(FATAL_ERROR "after bless: exit ${rc}\n${out}")
endif()
file(READ ${WORK}/bless/report.xml xml)
if(NOT xml MATCHES "<testsuite name=\"xbspice regress\" tests=\"[1-9][0-9]*\" failures=\"0\">")
  message(FATAL_ERROR "JUnit report:\n${xml}")
endif()
# A second bless reports no change.
execute_process(COMMAND ${XBSPICE} regress ${WORK}/bless --bless RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "v\\(y\\): largest change [0-9.e+-]+ at")
  message(FATAL_ERROR "second bless: exit ${rc}\n${out}")
endif()
