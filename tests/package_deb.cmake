# The installed product: cpack -G DEB in the build folder, the package unpacked into a fresh root,
# and what it installed run from there: `rapidun info` on stories260K (with its sentencepiece
# tokenizer, so the plug-in is found relative to the installed binary), the studio's screenshot
# of the fixture lab, the AppStream metainfo validated, and lintian: no error (warnings printed).
#   cmake -DBUILD=<build dir> -DSHARED=<../shared> -DLAB=<fixture lab> -DOUT=<dir> -P package_deb.cmake
include(${CMAKE_CURRENT_LIST_DIR}/cmake_run.cmake)

if(TORCH STREQUAL "pypi")
    # The package depends on Debian's libtorch; a build against PyPI's wheel links libraries that
    # no Debian package provides, so its .deb would install programs that cannot start.
    message("SKIP: the .deb is made from the build against Debian's LibTorch (RAPIDUN_TORCH=system); this one links PyPI's torch wheel")
    return()
endif()

file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
run(cpack -G DEB --config ${BUILD}/CPackConfig.cmake -B ${OUT})
file(GLOB debs ${OUT}/*.deb)
list(LENGTH debs n)
if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${OUT}, found ${n}\n${out}")
endif()
message("package: ${debs}")
set(root ${OUT}/root)
run(dpkg-deb -x ${debs} ${root})
run(dpkg-deb -f ${debs} Depends)
message("Depends: ${out}")
foreach(f usr/bin/rapidun usr/bin/rapidun-studio usr/lib/rapidun/librapidun_spm.so usr/share/applications/rapidun-studio.desktop
          usr/share/icons/hicolor/scalable/apps/rapidun-studio.svg usr/share/metainfo/io.github.rapidun.studio.metainfo.xml
          usr/share/man/man1/rapidun.1.gz usr/share/man/man1/rapidun-studio.1.gz usr/share/doc/rapidun-studio/copyright)
    if(NOT EXISTS ${root}/${f})
        message(FATAL_ERROR "the package lacks /${f}")
    endif()
endforeach()

if(EXISTS ${SHARED}/models/stories260K/stories260K.bin)
    # Only the installed plug-in may be loaded: RAPIDUN_SPM_PLUGIN, when set, would be the only one tried.
    run(${CMAKE_COMMAND} -E env --unset=RAPIDUN_SPM_PLUGIN ${root}/usr/bin/rapidun info ${SHARED}/models/stories260K/stories260K.bin
        --tokenizer ${SHARED}/models/stories260K/tok512.model)
    if(NOT out MATCHES "tokenizer +.*tok512.model \\(sentencepiece")
        message(FATAL_ERROR "the installed rapidun did not read the tokenizer:\n${out}")
    endif()
    message("installed rapidun info:\n${out}")
else()
    message("../shared absent: the installed CLI runs --help only")
    run(${root}/usr/bin/rapidun --help)
endif()

run(${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ${root}/usr/bin/rapidun-studio --workspace ${LAB}
    --screenshot ${OUT}/installed-studio.png --quit-after-ms 60000)
file(SIZE ${OUT}/installed-studio.png size)
if(size LESS 1000)
    message(FATAL_ERROR "the installed studio's screenshot is only ${size} bytes")
endif()
message("installed studio screenshot: ${OUT}/installed-studio.png (${size} bytes)")

find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    run(${APPSTREAMCLI} validate --no-net ${root}/usr/share/metainfo/io.github.rapidun.studio.metainfo.xml)
    message("appstreamcli: ${out}")
endif()
find_program(LINTIAN lintian)
if(LINTIAN)
    execute_process(COMMAND ${LINTIAN} --tag-display-limit 0 ${debs} OUTPUT_VARIABLE lint ERROR_VARIABLE lint_err)
    message("lintian:\n${lint}${lint_err}")
    if(lint MATCHES "(^|\n)E: ")
        message(FATAL_ERROR "lintian reports errors")
    endif()
else()
    message("lintian absent (Debian lintian): the package is not linted")
endif()
