#pragma once

// The intents as data: every backends/static/data/*.intents file embedded in the binary,
// parsed once on first use. Each intent names its category, the builder
// that composes its command, the slots it requires or accepts, exemplar
// phrasings for the index and examples (request -> command per dialect)
// that double as unit tests. See docs/static-matcher.md for the format.

#include "caro/core/types.h"

#include <string>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

struct IntentExample
{
  std::string request;
  // (platform, expected command); empty when the example must be declined.
  std::vector<std::pair<Platform, std::string>> expected;
  bool decline = false;
  std::string source; // "file:line", for test messages
};

struct IntentSpec
{
  std::string id;
  std::string category;
  std::string builder;
  unsigned required_slots = 0;
  unsigned accepted_slots = 0; // required | accepts
  bool checks_slots = false;   // requires/accepts given: enforce them
  bool destructive = false;    // may answer requests that say delete/kill/...
  std::vector<std::string> phrasings;
  std::vector<IntentExample> examples;
  std::string source;
};

struct CategorySpec
{
  std::string name;
  double threshold = 0.0; // minimum confidence for this category; 0: the configured one
};

struct IntentCatalog
{
  std::vector<IntentSpec> intents;
  std::vector<CategorySpec> categories;
  std::vector<std::string> errors; // "file:line: message"; empty for well-formed data

  const CategorySpec* category(std::string_view name) const;
};

// Parses one file's text, appending to `catalog`; `file` names it in errors.
void parse_intents(std::string_view text, std::string_view file, IntentCatalog& catalog);

// Every embedded backends/static/backends/static/data/*.intents file, parsed on first call.
const IntentCatalog& intent_catalog();

// "size" -> slot_size ...; 0 for an unknown name.
unsigned slot_kind_named(std::string_view name);

} // namespace caro::backends::static_matcher
