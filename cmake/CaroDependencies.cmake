# Third-party libraries, all from Debian 12's -dev packages (scripts/install-deps.sh).
# Minimum versions are the ones caro is built and tested with.
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(tomlplusplus 3.3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(fmt 9.1 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)  # Debian's re2.pc reports no version
include(${CMAKE_CURRENT_LIST_DIR}/CaroTreeSitterBash.cmake)
find_package(CURL 7.85 REQUIRED)              # caro model pull: headers only, loaded with dlopen (libcurl4-openssl-dev)
find_package(SQLite3 3.40 REQUIRED)  # telemetry: headers only, loaded with dlopen (libsqlite3-dev)
