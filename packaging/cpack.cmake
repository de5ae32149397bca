# Debian package of the CLI, the studio and the plug-in: cpack -G DEB in the build folder.
# Layout: /usr/bin/rapidun and rapidun-studio, /usr/lib/rapidun/librapidun_spm.so (found from the
# executable: <prefix>/bin -> <prefix>/lib/rapidun), the desktop entry, the SVG icon, AppStream
# metainfo, man pages and the copyright file.
include(GNUInstallDirs)
install(TARGETS rapidun RUNTIME DESTINATION bin)
install(TARGETS rapidun_spm LIBRARY DESTINATION lib/rapidun)
set(_pkg ${PROJECT_SOURCE_DIR}/packaging)
# Man pages gzipped at build time (-n: no name or time stamp, so the package is reproducible).
# The same for the Debian changelog (a native package's usr/share/doc/<name>/changelog.gz).
foreach(_man rapidun.1 rapidun-studio.1 changelog)
    add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/man/${_man}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
        COMMAND gzip -9n -c ${_pkg}/${_man} > ${PROJECT_BINARY_DIR}/man/${_man}.gz
        DEPENDS ${_pkg}/${_man} VERBATIM)
    list(APPEND _man_gz ${PROJECT_BINARY_DIR}/man/${_man}.gz)
endforeach()
add_custom_target(rapidun_man ALL DEPENDS ${_man_gz})
install(FILES ${PROJECT_BINARY_DIR}/man/rapidun.1.gz DESTINATION share/man/man1)
install(FILES ${_pkg}/copyright ${PROJECT_BINARY_DIR}/man/changelog.gz DESTINATION share/doc/rapidun-studio)
if(RAPIDUN_BUILD_GUI)
    install(TARGETS rapidun-studio RUNTIME DESTINATION bin)
    install(FILES ${PROJECT_BINARY_DIR}/man/rapidun-studio.1.gz DESTINATION share/man/man1)
    install(FILES ${_pkg}/rapidun-studio.desktop DESTINATION share/applications)
    install(FILES ${_pkg}/rapidun-studio.metainfo.xml DESTINATION share/metainfo RENAME io.github.rapidun.studio.metainfo.xml)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/rapidun-studio.svg DESTINATION share/icons/hicolor/scalable/apps)
endif()
set(CPACK_PACKAGE_NAME "rapidun-studio")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# No project address exists yet; .invalid (RFC 2606) says so rather than inventing one.
set(CPACK_PACKAGE_CONTACT "RapidUn Studio developers <maintainers@rapidun-studio.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Influence-driven unlearning workbench for Llama-family models")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "RapidUn Studio ranks training samples by their influence on a behaviour
 of a language model, maps the scores to per-sample weights, runs weighted
 LoRA unlearning and its baselines, compares the model before and after, and
 exports reports. A Qt 6 window and a command-line tool share one LibTorch
 engine.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # dpkg-shlibdeps: the exact library packages it links
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR "DEB")
include(CPack)
