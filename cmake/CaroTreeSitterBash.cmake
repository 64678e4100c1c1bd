# The bash grammar for tree-sitter: Debian ships the runtime (libtree-sitter-dev
# 0.20.7, ABI 13-14) but no grammar, so tree-sitter-bash's generated parser
# (ABI 14) comes from the npm registry, pinned and checked, and is compiled here
# as a C library.
include(${CMAKE_CURRENT_LIST_DIR}/CaroNpmPackage.cmake)

# Debian's tree-sitter.pc reports a stale version (0.6.3), so the ABI is checked in code instead.
pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)

caro_fetch_npm_package(tree-sitter-bash 0.23.3
  dfa720fc643662621b7a205ea9eba1e1f049ea2e24815a2e0daa93c6a8a1e72b0f6a0fb31ee7f221ac4c38578cf027a997000afcbba3d68e571ea81d01fa0266
  TREE_SITTER_BASH_DIR)

add_library(tree_sitter_bash STATIC "${TREE_SITTER_BASH_DIR}/src/parser.c" "${TREE_SITTER_BASH_DIR}/src/scanner.c")
target_include_directories(tree_sitter_bash PRIVATE "${TREE_SITTER_BASH_DIR}/src")
# Generated third-party code: its warnings are not ours to fix.
target_compile_options(tree_sitter_bash PRIVATE -w)
set_target_properties(tree_sitter_bash PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_link_libraries(tree_sitter_bash PUBLIC PkgConfig::TREE_SITTER)
