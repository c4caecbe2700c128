cmake_minimum_required(VERSION 3.25)
# Fails when translations/*.ts is not what lupdate makes of today's sources (a
# tr() text added, changed or gone), or when it holds an entry nobody translated:
# lrelease leaves those out, so they would read in English.
# In: TS (the committed file), PROJECT_IN (the lupdate project qt_add_translations
# writes at configure time), GENERATOR (Qt's script turning it into JSON), LUPDATE,
# OPTIONS (the build's lupdate options, space-separated), WORK (a scratch directory).
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(ts_name "${TS}" NAME)
set(fresh "${WORK}/${ts_name}")
file(COPY_FILE "${TS}" "${fresh}")

execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json -P ${GENERATOR}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project from ${PROJECT_IN}")
endif()
file(READ "${WORK}/project.json" project)
string(FIND "${project}" "\"${TS}\"" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${TS} is not among the project's translations:\n${project}")
endif()
string(REPLACE "\"${TS}\"" "\"${fresh}\"" project "${project}")
file(WRITE "${WORK}/project.json" "${project}")

separate_arguments(options UNIX_COMMAND "${OPTIONS}")
execute_process(COMMAND ${LUPDATE} -project ${WORK}/project.json ${options}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${TS}" "${fresh}" RESULT_VARIABLE differs)
if(differs)
    execute_process(COMMAND diff -u "${TS}" "${fresh}" OUTPUT_VARIABLE d)
    message(FATAL_ERROR "${TS} is stale: build the update_translations target, translate what is new, "
                        "and commit it.\n${d}")
endif()
file(READ "${TS}" text)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" unfinished "${text}")
if(unfinished)
    message(FATAL_ERROR "${TS} has entries nobody translated:\n${unfinished}")
endif()
