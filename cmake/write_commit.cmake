# Writes OUT (rapidun/commit.h) with the checkout's commit, "-dirty" when tracked files differ from it,
# or "unknown" outside a git checkout. Run at every build (core's rapidun_commit target); the file is
# rewritten only when its text changes, so an unchanged commit rebuilds nothing.
#   cmake -DSOURCE_DIR=<repo> -DOUT=<file> -P write_commit.cmake
set(commit "unknown (not a git checkout)")
find_program(GIT git)
if(GIT)
    execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} rev-parse --short=12 HEAD
                    OUTPUT_VARIABLE head RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(rc EQUAL 0 AND head)
        set(commit ${head})
        execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} diff --quiet HEAD -- RESULT_VARIABLE dirty ERROR_QUIET)
        if(dirty EQUAL 1)
            string(APPEND commit "-dirty")
        endif()
    endif()
endif()
set(text "// Written by cmake/write_commit.cmake at build time.\n#pragma once\n#define RAPIDUN_COMMIT_STRING \"${commit}\"\n")
set(old "")
if(EXISTS ${OUT})
    file(READ ${OUT} old)
endif()
if(NOT old STREQUAL text)
    file(WRITE ${OUT} "${text}")
endif()
