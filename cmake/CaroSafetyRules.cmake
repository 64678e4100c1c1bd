# Turns src/caro/safety/data/rules.toml into constant C++ tables at build time
# (tools/safety_rulegen.cpp, a small host tool built first), so the validator
# compiles its rules without parsing TOML in every process. The TOML stays the
# single source: it is still embedded for the rule-example tests and the docs.
#   caro_safety_rules(<target>)  adds the generated source to <target>
function(caro_safety_rules target)
  set(rules "${PROJECT_SOURCE_DIR}/src/caro/safety/data/rules.toml")
  if(NOT TARGET caro_safety_rulegen)
    add_executable(caro_safety_rulegen "${PROJECT_SOURCE_DIR}/tools/safety_rulegen.cpp"
                                       "${PROJECT_SOURCE_DIR}/src/caro/safety/rule_source_toml.cpp")
    target_include_directories(caro_safety_rulegen PRIVATE "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(caro_safety_rulegen PRIVATE tomlplusplus::tomlplusplus caro_warnings)
  endif()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/${target}_safety_rules.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND caro_safety_rulegen "${rules}" "${out}"
    DEPENDS caro_safety_rulegen "${rules}"
    COMMENT "Generating the safety rule tables from rules.toml"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
