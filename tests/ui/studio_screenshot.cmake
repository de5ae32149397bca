# cmake -DSTUDIO=<rapidun-studio> -DPNG=<file.png> -P studio_screenshot.cmake
#   Runs the studio with no arguments (the synthetic lab at $RAPIDUN_LAB_DIR), which must open the lab
#   (building it if needed) and save the window; a failed open is printed as "rapidun-studio: failed: ...".
# cmake -DSTUDIO=<rapidun-studio> -DWORKSPACE=<dir> -DLANGUAGES=de,zh_CN -DPAGES=workspace,influence,...
#       -DOUT=<folder> -P studio_screenshot.cmake
#   The same for every page in every language (--workspace, --language, --page): OUT/studio-<page>-<lang>.png.
function(screenshot png)
    file(REMOVE "${png}")
    execute_process(COMMAND "${STUDIO}" ${ARGN} --screenshot "${png}" --quit-after-ms 270000
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 290)
    if(NOT rc STREQUAL "0")
        message(FATAL_ERROR "rapidun-studio ${ARGN} --screenshot exited with '${rc}'\n${out}\n${err}")
    endif()
    if(err MATCHES "rapidun-studio: failed:")
        message(FATAL_ERROR "rapidun-studio ${ARGN} could not open the workspace\n${out}\n${err}")
    endif()
    if(NOT EXISTS "${png}")
        message(FATAL_ERROR "rapidun-studio exited 0 but wrote no ${png}\n${out}\n${err}")
    endif()
    file(SIZE "${png}" size)
    if(size LESS 1000)
        message(FATAL_ERROR "${png} is only ${size} bytes")
    endif()
    message(STATUS "screenshot: ${png} (${size} bytes)")
endfunction()

if(DEFINED PAGES)
    string(REPLACE "," ";" LANGUAGES "${LANGUAGES}")
    string(REPLACE "," ";" PAGES "${PAGES}")
    file(MAKE_DIRECTORY "${OUT}")
    foreach(lang ${LANGUAGES})
        foreach(page ${PAGES})
            screenshot("${OUT}/studio-${page}-${lang}.png" --workspace "${WORKSPACE}" --language ${lang} --page ${page})
        endforeach()
    endforeach()
else()
    screenshot("${PNG}")
endif()
