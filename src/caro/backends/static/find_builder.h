#pragma once

// One builder for every find-based answer: root, depth, entry type, names or
// extensions, sizes, times and exclusions compose into a single find
// expression plus a plain-English description of it. Intents add what comes
// after (an -exec, a pipe into wc) themselves.

#include "caro/backends/static/dialect.h"
#include "caro/backends/static/slots.h"

#include <optional>
#include <string>
#include <vector>

namespace caro::backends::static_matcher {

struct FindSpec
{
  enum class Entry { any, file, dir, symlink, broken_symlink };
  std::string root = ".";
  Entry entry = Entry::file;
  bool empty = false;
  bool max_depth_one = false;
  bool min_depth_one = false;
  std::vector<std::string> extensions;
  bool extensions_negated = false;
  std::string type_label;
  std::optional<NamePattern> name;
  bool case_insensitive = false;
  std::optional<SizeBound> size_min;
  std::optional<SizeBound> size_max;
  std::optional<TimeSpec> time;
  std::vector<std::string> exclusions;
  std::optional<Owner> owner;
};

struct FindCommand
{
  std::string command;     // "find . -type f -name '*.py'"
  std::string description; // "regular files under . named *.py"
};

// nullopt when the dialect cannot express the spec (e.g. "yesterday" without
// GNU find's -daystart).
std::optional<FindCommand> build_find(const FindSpec& spec, const Dialect& dialect);

// The -size test for one bound, exact in bytes where find's rounding to
// whole units would change the meaning.
std::optional<std::string> size_test(const SizeBound& bound, const Dialect& dialect);

} // namespace caro::backends::static_matcher
