# cmake -DSTUDIO=<rapidun-studio> -DPNG=<file.png> -P studio_screenshot.cmake
# Runs the studio with no arguments (the synthetic lab at $RAPIDUN_LAB_DIR), which must open the lab
# (building it if needed) and save the window; a failed open is printed as "rapidun-studio: failed: ...".
file(REMOVE "${PNG}")
execute_process(COMMAND "${STUDIO}" --screenshot "${PNG}" --quit-after-ms 270000
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 290)
if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "rapidun-studio --screenshot exited with '${rc}'\n${out}\n${err}")
endif()
if(err MATCHES "rapidun-studio: failed:")
    message(FATAL_ERROR "rapidun-studio could not open the lab\n${out}\n${err}")
endif()
if(NOT EXISTS "${PNG}")
    message(FATAL_ERROR "rapidun-studio exited 0 but wrote no ${PNG}\n${out}\n${err}")
endif()
file(SIZE "${PNG}" size)
if(size LESS 1000)
    message(FATAL_ERROR "${PNG} is only ${size} bytes")
endif()
message(STATUS "screenshot: ${PNG} (${size} bytes)")
