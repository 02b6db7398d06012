# `cpack -G DEB` in the build folder: amends_VERSION_ARCH.deb, installed
# under /usr, its Depends worked out by dpkg-shlibdeps from what the program
# and its MIME module link.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME amends)
set(CPACK_PACKAGE_VENDOR amends)
set(CPACK_PACKAGE_CONTACT "amends maintainers <amends@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checks a support agent's draft reply before it is sent")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The MIME module is private to amends (lib/amends), not a shared library
# other packages link: dpkg-shlibdeps needs no shlibs file for it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_INSTALL_FULL_LIBDIR}/amends)
include(CPack)
