# The static matcher's intent tables and BM25 index, generated at build time
# (tools/static_index) from src/caro/backends/static/data/*.intents and compiled
# into the library, so a process answers its first request without parsing or
# indexing anything. The generator is a small host program built from the
# matcher's own sources (tokeniser, slot extractors, data parser, builders),
# so the generated index reads exemplars exactly as the matcher reads
# requests, and it can run the matcher on the examples to calibrate each
# category's threshold; it reruns when a data file or any of those sources
# change.

# caro_static_index(<target> <src/caro root>)
function(caro_static_index target root)
  set(static "${root}/backends/static")
  file(GLOB data_files CONFIGURE_DEPENDS "${static}/data/*.intents")
  list(SORT data_files)
  # Every matcher source but the loader of the embedded data (the generator
  # reads the files themselves) and, of course, the generated tables.
  file(GLOB matcher_sources CONFIGURE_DEPENDS "${static}/*.cpp")
  list(REMOVE_ITEM matcher_sources "${static}/embedded_intents.cpp")
  set(generator_sources
      "${PROJECT_SOURCE_DIR}/tools/static_index/static_index_main.cpp"
      ${matcher_sources}
      "${root}/core/types.cpp"
      "${root}/util/strings.cpp"
      "${root}/util/shell_quote.cpp")
  add_executable(caro_static_index ${generator_sources})
  target_include_directories(caro_static_index PRIVATE "${root}/..")
  target_link_libraries(caro_static_index PRIVATE caro_warnings caro_sanitizers)

  set(output "${CMAKE_CURRENT_BINARY_DIR}/generated/static_intent_tables.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND caro_static_index "${output}" ${data_files}
    DEPENDS caro_static_index ${data_files}
    COMMENT "Generating the static matcher's intent index"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
