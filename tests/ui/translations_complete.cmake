# Every visible string of the studio is translated: lupdate (the build's own project of ui/ and
# app/studio sources) is run into a copy of each translations/*.ts, which must then hold no
# unfinished message; the real .ts files are never touched.
#   cmake -DLUPDATE=<lupdate> -DGEN=<GenerateLUpdateProject.cmake> -DPROJECT=<.lupdate/*_project.cmake>
#         -DTS_DIR=<translations> -DOUT=<dir> -P translations_complete.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT} -DOUT_FILE=${OUT}/project.json -P ${GEN} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project from ${PROJECT}")
endif()
file(GLOB ts_files ${TS_DIR}/*.ts)
foreach(ts ${ts_files})
    get_filename_component(name ${ts} NAME)
    configure_file(${ts} ${OUT}/${name} COPYONLY)
    execute_process(COMMAND ${LUPDATE} -project ${OUT}/project.json -ts ${OUT}/${name}
                    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${out}\n${err}")
    endif()
    file(STRINGS ${OUT}/${name} unfinished REGEX "type=\"unfinished\"")
    list(LENGTH unfinished n)
    if(n GREATER 0)
        message(FATAL_ERROR "${name}: ${n} visible strings are not translated (run `cmake --build build --target "
                            "update_translations` and translate the unfinished messages)\n${out}")
    endif()
    message("${name}: complete\n${out}")
endforeach()
