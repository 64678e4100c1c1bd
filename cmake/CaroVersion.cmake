# Version, git hash and build type for `caro --version`. The hash is read at
# configure time; re-run cmake to refresh it (the CI always configures fresh).
find_package(Git QUIET)
set(CARO_GIT_HASH "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE CARO_GIT_HASH OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT CARO_GIT_HASH)
    set(CARO_GIT_HASH "unknown")
  endif()
endif()
if(CMAKE_BUILD_TYPE)
  set(CARO_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
else()
  set(CARO_BUILD_TYPE "multi-config")
endif()
if(CARO_SANITIZE)
  string(APPEND CARO_BUILD_TYPE "+asan+ubsan")
endif()
