# The static matcher's intent tables and BM25 index, generated at build time
# (tools/static_index) from src/caro/backends/static/data/*.intents and compiled
# into the library, so a process answers its first request without parsing or
# indexing anything. The generator is a small host program built from the
# matcher's own tokeniser, slot extractors and data parser, so the generated
# index reads exemplars exactly as the matcher reads requests; it reruns when
# a data file or any of those sources change.

# caro_static_index(<target> <src/caro root>)
function(caro_static_index target root)
  set(static "${root}/backends/static")
  file(GLOB data_files CONFIGURE_DEPENDS "${static}/data/*.intents")
  list(SORT data_files)
  file(GLOB slot_sources CONFIGURE_DEPENDS "${static}/*_slot.cpp")
  set(generator_sources
      "${PROJECT_SOURCE_DIR}/tools/static_index/static_index_main.cpp"
      "${static}/intent_catalog.cpp"
      "${static}/intent_tables.cpp"
      "${static}/intent_index.cpp"
      "${static}/tokens.cpp"
      "${static}/analysis.cpp"
      "${static}/slot_extraction.cpp"
      "${static}/vocabulary.cpp"
      "${static}/file_types.cpp"
      ${slot_sources}
      "${root}/core/types.cpp"
      "${root}/util/strings.cpp")
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
