# `cmake --install` puts an executable caro in the prefix, and it runs.
# Invoked by ctest with -DBUILD_DIR=... -DPREFIX=...
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE result
                OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
if(NOT EXISTS "${PREFIX}/bin/caro")
  message(FATAL_ERROR "${PREFIX}/bin/caro was not installed")
endif()
execute_process(COMMAND "${PREFIX}/bin/caro" --version RESULT_VARIABLE result OUTPUT_VARIABLE version)
if(NOT result EQUAL 0 OR NOT version MATCHES "^caro [0-9]+\\.[0-9]+\\.[0-9]+ \\(git ")
  message(FATAL_ERROR "installed caro --version failed: ${result} ${version}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
