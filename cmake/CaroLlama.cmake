# llama.cpp, the engine of the embedded backend, built as static CPU-only
# libraries and linked into caro through one interface target, caro_llama.
#
# Debian 12 has no llama.cpp package, so by default the source comes from the
# npm package node-llama-cpp, which carries the upstream tree as a git bundle.
# The package is pinned by version and sha512 (caro_fetch_npm_package), the
# bundle is cloned once into a cache next to the npm cache (outside the build
# tree, so fresh clones of caro and CI reuse it) and its HEAD is checked
# against the pinned commit. A user-given tree (CARO_LLAMA_SOURCE_DIR) or an
# installed llama.cpp (CARO_USE_SYSTEM_LLAMA) replace the fetch.
#
# llama/ggml are compiled without caro's warning and sanitizer flags: those
# live on caro's own targets (caro_warnings, caro_sanitizers), so even the asan
# preset instruments only caro's code and the tests stay fast.
#
# caro_llama carries: the llama target, CARO_HAVE_LLAMA=1 and
# CARO_LLAMA_COMMIT="<hash>" (part of the prefix-cache key). When
# CARO_WITH_LLAMA is OFF it is empty and the embedded backend compiles to its
# "unavailable" version.

option(CARO_WITH_LLAMA "Build the embedded backend with llama.cpp" ON)
option(CARO_USE_SYSTEM_LLAMA "Use an installed llama.cpp (find_package(llama)) instead of building one" OFF)
option(CARO_LLAMA_NATIVE "Optimise llama.cpp for this machine's CPU (OFF: portable x86-64-v3)" ON)
# ggml's own thread pool by default: with OpenMP, libgomp's workers spin at
# every barrier, and on a busy machine (caro is a command-line tool, often run
# next to a compiler) a descheduled spinner stalled the tiny test model's
# 20-token prompt from 20 ms to 400 ms; no libgomp to link is a bonus.
option(CARO_LLAMA_OPENMP "Let ggml use OpenMP threads (OFF: ggml's own thread pool)" OFF)
set(CARO_LLAMA_SOURCE_DIR "" CACHE PATH "A llama.cpp source tree to build instead of the pinned one")

set(CARO_LLAMA_NPM_VERSION 3.21.1)
set(CARO_LLAMA_NPM_SHA512
    13737412fd956b4c33c9dbd7605c0cf47bf2a34ecfa168edf13ffd18c738dc2bedf18915fcd53fb5852010c0b582b4cfbf6a3d3d18d08b41b759be4ffdac2232)
set(CARO_LLAMA_COMMIT 80fb11ac73e66d89eae2c6a91d8a77428fa733ed)

include(${CMAKE_CURRENT_LIST_DIR}/CaroNpmPackage.cmake)

add_library(caro_llama INTERFACE)

# Clones the pinned bundle into the shared cache (once) and sets <out_var> to the tree.
function(caro_llama_fetch_source out_var)
  find_package(Git REQUIRED)
  get_filename_component(cache_root "${CARO_NPM_CACHE}/.." ABSOLUTE)
  set(tree "${cache_root}/llama.cpp-${CARO_LLAMA_COMMIT}")

  set(head "")
  if(EXISTS "${tree}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD WORKING_DIRECTORY "${tree}"
                    OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
  if(NOT head STREQUAL CARO_LLAMA_COMMIT)
    caro_fetch_npm_package(node-llama-cpp ${CARO_LLAMA_NPM_VERSION} ${CARO_LLAMA_NPM_SHA512} package_dir)
    set(bundle "${package_dir}/llama/gitRelease.bundle")
    if(NOT EXISTS "${bundle}")
      message(FATAL_ERROR "node-llama-cpp@${CARO_LLAMA_NPM_VERSION} has no llama/gitRelease.bundle")
    endif()
    # Clone into a staging directory and rename, so an interrupted clone never
    # looks like a finished one.
    set(staging "${tree}.staging")
    file(REMOVE_RECURSE "${staging}" "${tree}")
    message(STATUS "llama.cpp: cloning ${CARO_LLAMA_COMMIT} from the node-llama-cpp bundle into ${tree}")
    # Retried: a clone from a bundle has been seen to fail once with a vanished
    # temporary pack and then succeed.
    foreach(attempt 1 2 3)
      file(REMOVE_RECURSE "${staging}")
      execute_process(COMMAND "${GIT_EXECUTABLE}" clone --quiet "${bundle}" "${staging}" RESULT_VARIABLE result
                      ERROR_VARIABLE clone_error)
      if(result EQUAL 0)
        break()
      endif()
      message(STATUS "llama.cpp: clone attempt ${attempt} failed: ${clone_error}")
    endforeach()
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "git clone of ${bundle} failed: ${clone_error}")
    endif()
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD WORKING_DIRECTORY "${staging}" OUTPUT_VARIABLE head
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT head STREQUAL CARO_LLAMA_COMMIT)
      file(REMOVE_RECURSE "${staging}")
      message(FATAL_ERROR "llama.cpp bundle HEAD is ${head}, expected ${CARO_LLAMA_COMMIT}; refusing to use it")
    endif()
    file(RENAME "${staging}" "${tree}")
  endif()
  set(${out_var} "${tree}" PARENT_SCOPE)
endfunction()

# Adds the tree as an EXCLUDE_FROM_ALL subdirectory. A function, so the option
# overrides below stay in this scope and never leak into caro's own targets.
function(caro_llama_add_tree source_dir)
  set(BUILD_SHARED_LIBS OFF)
  # The benchmarks compare caro with stock llama-completion, which needs
  # llama.cpp's common library; nothing else builds it.
  if(CARO_BUILD_BENCHMARKS)
    set(LLAMA_BUILD_COMMON ON)
  else()
    set(LLAMA_BUILD_COMMON OFF)
  endif()
  set(LLAMA_BUILD_TESTS OFF)
  set(LLAMA_BUILD_TOOLS OFF)
  set(LLAMA_BUILD_EXAMPLES OFF)
  set(LLAMA_BUILD_SERVER OFF)
  set(LLAMA_BUILD_APP OFF)
  set(LLAMA_BUILD_MTMD OFF)
  set(LLAMA_OPENSSL OFF)
  set(LLAMA_CURL OFF) # older trees; this one has no curl option
  set(LLAMA_ALL_WARNINGS OFF)
  set(GGML_ALL_WARNINGS OFF)
  set(GGML_CCACHE OFF) # caro already sets ccache as the compiler launcher
  set(GGML_BACKEND_DL OFF)
  # Static linking rules out GGML_BACKEND_DL, and with it GGML_CPU_ALL_VARIANTS
  # (run-time CPU dispatch needs loadable backends), so the portable build is
  # GGML_NATIVE=OFF, which in this tree means x86-64-v3 (SSE4.2, AVX, AVX2,
  # FMA, F16C, BMI2; no AVX-512): every x86-64 CPU since 2013-2015, and the
  # instruction set valgrind can run, so the regression gate uses it. Older
  # CPUs: add -DGGML_AVX2=OFF -DGGML_FMA=OFF ... (docs/performance.md).
  if(CARO_LLAMA_NATIVE)
    set(GGML_NATIVE ON)
  else()
    set(GGML_NATIVE OFF)
  endif()
  set(GGML_OPENMP ${CARO_LLAMA_OPENMP})
  # A configure-time git lookup in the tree names the commit in build info;
  # that is all it does, so a tree without .git still builds.
  add_subdirectory("${source_dir}" "${CMAKE_BINARY_DIR}/_deps/llama.cpp" EXCLUDE_FROM_ALL SYSTEM)
endfunction()

if(CARO_WITH_LLAMA)
  if(CARO_USE_SYSTEM_LLAMA)
    find_package(llama REQUIRED CONFIG)
    unset(CARO_LLAMA_TREE CACHE) # no tree: no test-model generator
    target_link_libraries(caro_llama INTERFACE llama)
    set(CARO_LLAMA_COMMIT "system")
    message(STATUS "llama.cpp: using the installed library")
  else()
    if(CARO_LLAMA_SOURCE_DIR)
      set(llama_tree "${CARO_LLAMA_SOURCE_DIR}")
      if(NOT EXISTS "${llama_tree}/include/llama.h")
        message(FATAL_ERROR "CARO_LLAMA_SOURCE_DIR=${llama_tree} is not a llama.cpp tree (no include/llama.h)")
      endif()
      find_package(Git QUIET)
      set(CARO_LLAMA_COMMIT "source-dir")
      if(Git_FOUND)
        execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse HEAD WORKING_DIRECTORY "${llama_tree}"
                        OUTPUT_VARIABLE user_head OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
        if(rc EQUAL 0)
          set(CARO_LLAMA_COMMIT "${user_head}")
        endif()
      endif()
      message(STATUS "llama.cpp: building the tree at ${llama_tree} (${CARO_LLAMA_COMMIT})")
    else()
      caro_llama_fetch_source(llama_tree)
      message(STATUS "llama.cpp: building pinned ${CARO_LLAMA_COMMIT} from ${llama_tree}")
    endif()
    set(CARO_LLAMA_TREE "${llama_tree}" CACHE INTERNAL "The llama.cpp tree caro builds")
    caro_llama_add_tree("${llama_tree}")
    target_link_libraries(caro_llama INTERFACE llama)
  endif()
  target_compile_definitions(caro_llama INTERFACE CARO_HAVE_LLAMA=1 CARO_LLAMA_COMMIT="${CARO_LLAMA_COMMIT}")
else()
  unset(CARO_LLAMA_TREE CACHE)
  message(STATUS "llama.cpp: disabled (CARO_WITH_LLAMA=OFF); the embedded backend reports itself unavailable")
endif()
