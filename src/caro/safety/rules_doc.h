#pragma once

// The generated part of docs/safety.md: the policy table (from decide()) and
// every rule with its id, category, risk, matcher, message, alternative and
// examples (from the rule data). Rendered here so the docs are never written
// twice; a unit test compares docs/safety.md with it and
// scripts/update-safety-doc rewrites it.

#include "caro/safety/rules.h"

#include <span>
#include <string>
#include <string_view>

namespace caro::safety {

constexpr std::string_view k_doc_begin = "<!-- generated from src/caro/safety/data/rules.toml: begin -->";
constexpr std::string_view k_doc_end = "<!-- generated from src/caro/safety/data/rules.toml: end -->";

// The Markdown between the markers (exclusive), ending in a newline.
std::string render_rules_doc(std::span<const Rule> rules);

// `document` with the text between its markers replaced by `generated`;
// nullopt-like empty string when the markers are missing.
std::string replace_generated_block(std::string_view document, std::string_view generated);

} // namespace caro::safety
