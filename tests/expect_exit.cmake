# Runs CMD with ARGS; passes when the exit code is EXPECT and stderr+stdout contain MATCH.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXPECT)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXPECT}\n${out}${err}")
endif()
string(FIND "${out}${err}" "${MATCH}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "output lacks '${MATCH}':\n${out}${err}")
endif()
