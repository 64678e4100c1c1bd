# CARO_STATIC=ON: one fully static x86-64 `caro` to copy onto any Linux
# machine (docs/distribution.md). Included before CaroDependencies.cmake, so
# that every find_package/pkg_check_modules after it picks static archives.
#
# Why it is built this way:
# - glibc, linked statically: Debian has no musl C++ runtime, and glibc >= 2.34
#   resolves `files` and `dns` name lookups inside libc.a, so caro's only NSS
#   use (the password database when HOME is unset) works without the host's
#   libnss_*.so. The linker's "Using 'getpwuid_r' / 'dlopen' in statically
#   linked applications" warnings come from that.
# - Nothing is loaded with dlopen: a static program that loads a host library
#   gets a second, possibly different glibc. The regular build loads libcurl
#   (model downloads) and SQLite (telemetry) on demand; here downloads are
#   compiled out (CARO_NO_DOWNLOADS: `caro model pull` says so) and SQLite is
#   linked in (CARO_SQLITE_LINKED, libsqlite3.a). libcurl cannot be linked in:
#   Debian's libcurl.a needs Kerberos (GSSAPI), p11-kit (through GnuTLS, for
#   RTMP and LDAP) and Cyrus SASL's MySQL/SQLite/Berkeley DB plugins, which
#   Debian ships only as shared libraries (93 symbols stay undefined).
# - fmt and toml++ are used header-only (Debian has no archives of them).
# - Every archive is looked up at configure time, so a missing one fails here
#   naming the Debian package, not at link time with undefined symbols.
# - Sections plus --gc-sections drop the code nothing calls (mostly in
#   libstdc++, SQLite, RE2 and llama.cpp).
# - llama.cpp stays a compile-time CPU choice: run-time dispatch
#   (GGML_CPU_ALL_VARIANTS) needs loadable backends (GGML_BACKEND_DL), which a
#   static binary cannot dlopen, so the portable choice is
#   CARO_LLAMA_NATIVE=OFF (x86-64-v3), as the `static` preset sets.

if(NOT CARO_STATIC)
  return()
endif()

if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux" OR NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  message(FATAL_ERROR "CARO_STATIC=ON builds x86-64 Linux binaries only (this is ${CMAKE_SYSTEM_NAME} ${CMAKE_SYSTEM_PROCESSOR})")
endif()
if(CARO_SANITIZE)
  message(FATAL_ERROR "CARO_STATIC=ON cannot be combined with CARO_SANITIZE=ON (the sanitizer runtimes are shared libraries)")
endif()
if(CARO_USE_SYSTEM_LLAMA)
  message(FATAL_ERROR "CARO_STATIC=ON builds llama.cpp from source; turn CARO_USE_SYSTEM_LLAMA off")
endif()
if(CARO_BUILD_TESTS)
  # The tests exercise downloads, which this build compiles out; a normal
  # variable shadows the cache entry for the rest of the configure.
  message(STATUS "CARO_STATIC: not building the tests (the static build has no downloads)")
  set(CARO_BUILD_TESTS OFF)
endif()

# Each archive the static link needs, with the Debian package that ships it.
set(caro_static_archives
    "c:libc6-dev" "m:libc6-dev" "pthread:libc6-dev" "dl:libc6-dev" "rt:libc6-dev" "util:libc6-dev"
    "re2:libre2-dev" "tree-sitter:libtree-sitter-dev" "sqlite3:libsqlite3-dev")
set(caro_static_missing "")
foreach(entry IN LISTS caro_static_archives)
  string(REPLACE ":" ";" entry "${entry}")
  list(GET entry 0 name)
  list(GET entry 1 package)
  string(MAKE_C_IDENTIFIER "${name}" id)
  find_library(CARO_STATIC_ARCHIVE_${id} NAMES "lib${name}.a")
  mark_as_advanced(CARO_STATIC_ARCHIVE_${id})
  if(NOT CARO_STATIC_ARCHIVE_${id})
    list(APPEND caro_static_missing "lib${name}.a (Debian package ${package})")
  endif()
endforeach()
# The C++ runtime's archives live in the compiler's own directory.
foreach(entry "libstdc++.a:libstdc++-12-dev" "libgcc.a:libgcc-12-dev" "libgcc_eh.a:libgcc-12-dev")
  string(REPLACE ":" ";" entry "${entry}")
  list(GET entry 0 name)
  list(GET entry 1 package)
  execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=${name} OUTPUT_VARIABLE path
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT IS_ABSOLUTE "${path}" OR NOT EXISTS "${path}")
    list(APPEND caro_static_missing "${name} (Debian package ${package})")
  endif()
endforeach()
if(caro_static_missing)
  list(JOIN caro_static_missing "\n  " missing_text)
  message(FATAL_ERROR "CARO_STATIC=ON needs these static archives, which were not found:\n  ${missing_text}\n"
                      "Install the packages named, or configure without CARO_STATIC.")
endif()

# From here on, libraries resolve to archives: RE2 and tree-sitter
# (pkg-config IMPORTED_TARGET) and SQLite through find_library, OpenSSL (should
# it come back) through its own switch.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
set(OPENSSL_USE_STATIC_LIBS TRUE)

# Stand-ins defined before find_package, whose package files keep targets
# that already exist: Debian builds fmt and toml++ only as shared libraries,
# but both can be used header-only (the same headers, the implementation
# compiled into caro).
find_path(CARO_STATIC_FMT_INCLUDE_DIR fmt/format-inl.h)
find_path(CARO_STATIC_TOML_INCLUDE_DIR toml++/toml.h)
mark_as_advanced(CARO_STATIC_FMT_INCLUDE_DIR CARO_STATIC_TOML_INCLUDE_DIR)
if(NOT CARO_STATIC_FMT_INCLUDE_DIR OR NOT CARO_STATIC_TOML_INCLUDE_DIR)
  message(FATAL_ERROR "CARO_STATIC=ON uses fmt and toml++ header-only: install libfmt-dev and libtomlplusplus-dev")
endif()
foreach(target fmt::fmt fmt::fmt-header-only)
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_COMPILE_DEFINITIONS "FMT_HEADER_ONLY=1"
                                             INTERFACE_INCLUDE_DIRECTORIES "${CARO_STATIC_FMT_INCLUDE_DIR}")
endforeach()
add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
set_target_properties(tomlplusplus::tomlplusplus PROPERTIES INTERFACE_COMPILE_DEFINITIONS "TOML_HEADER_ONLY=1"
                                                           INTERFACE_INCLUDE_DIRECTORIES "${CARO_STATIC_TOML_INCLUDE_DIR}")

string(APPEND CMAKE_C_FLAGS " -ffunction-sections -fdata-sections")
string(APPEND CMAKE_CXX_FLAGS " -ffunction-sections -fdata-sections")

# caro_lib and caro are defined later (src/); this runs at the end of the top
# directory, when they exist.
function(caro_static_finish)
  foreach(target caro_lib caro)
    if(NOT TARGET ${target})
      message(FATAL_ERROR "CARO_STATIC: target ${target} not found")
    endif()
  endforeach()
  target_compile_definitions(caro_lib PUBLIC CARO_NO_DOWNLOADS=1 PRIVATE CARO_SQLITE_LINKED=1)
  # libsqlite3.a wants libm after it (its sqlite3.pc also names zlib, but no
  # object in the archive uses it).
  target_link_libraries(caro_lib PRIVATE "${CARO_STATIC_ARCHIVE_sqlite3}" m)
  target_link_options(caro PRIVATE -static -Wl,--gc-sections)
  if(TARGET llama)
    # Size: libllama (model graphs, tokenizer, sampling) is 40 % smaller at
    # -Os; the time goes into ggml's kernels, which keep -O3.
    target_compile_options(llama PRIVATE -Os)
  endif()
  message(STATUS "CARO_STATIC: caro is linked fully statically, SQLite linked in, without downloads")
endfunction()
cmake_language(DEFER CALL caro_static_finish)
