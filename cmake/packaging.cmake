# The Debian package (`make package`, issue #16): CPack's DEB generator over these install rules,
# laid out as Debian's policy and FHS ask — the binary in /usr/bin, read-only data in
# /usr/share/zhizao, the configuration (a conffile) in /etc/zhizao, the service's data in
# /var/lib/zhizao (made by postinst), the systemd unit in /lib/systemd/system.
include(GNUInstallDirs)

install(TARGETS zhizao RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/dist/ DESTINATION share/zhizao/web
        OPTIONAL)  # built by `make web`; the package test checks that it is there
install(FILES ${PROJECT_SOURCE_DIR}/rules/default_rules.toml DESTINATION share/zhizao)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/zhizao.toml DESTINATION /etc/zhizao)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/zhizao.service DESTINATION /lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/operations.md
              ${PROJECT_SOURCE_DIR}/docs/api.md ${PROJECT_SOURCE_DIR}/docs/security.md
        DESTINATION share/doc/zhizao)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zhizao)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "zhizao maintainers <zhizao@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "industrial statistics for a city, province or country: report, dashboard and API")
set(CPACK_PACKAGE_DESCRIPTION
    "zhizao turns the monthly reports of manufacturers (规模以上工业) into the figures, analysis and dashboards an industry bureau steers by.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The shared libraries the binary links, found by dpkg-shlibdeps (Debian's own versions).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/postinst ${PROJECT_SOURCE_DIR}/packaging/prerm
    ${PROJECT_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# /etc/zhizao/zhizao.toml is a conffile: an upgrade keeps the administrator's edits.
set(CPACK_DEBIAN_PACKAGE_GENERATE_CONFFILES ON)  # no-op before CMake 3.26; conffiles below
file(WRITE ${PROJECT_BINARY_DIR}/packaging/conffiles "/etc/zhizao/zhizao.toml\n")
list(APPEND CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/packaging/conffiles)
set(CPACK_STRIP_FILES ON)
include(CPack)
