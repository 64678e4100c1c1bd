#pragma once

// Internal to the config module: where the statements and [table] headers of
// a TOML text are, as byte ranges. toml++ gives values' positions but no
// layout of the text, and `config set` must insert new lines without
// disturbing anything else. Only valid TOML is scanned (the caller parsed it
// first), so the scanner tracks strings, comments and brackets but checks
// nothing.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caro::config::detail {

struct TomlHeader
{
  std::size_t begin = 0;               // start of the header's line
  std::size_t end = 0;                 // just past the line's newline (or the end of the text)
  std::vector<std::string> components; // [ a . "b" ] -> {"a", "b"}
  bool array = false;                  // [[...]]
};

struct TomlStatement
{
  std::size_t begin = 0; // start of its first line
  std::size_t end = 0;   // just past the newline of its last line (or the end of the text)
  int section = -1;      // index of the header it follows; -1 for the top level
};

struct TomlLayout
{
  std::vector<TomlHeader> headers;
  std::vector<TomlStatement> statements;
};

TomlLayout scan_layout(std::string_view text);

} // namespace caro::config::detail
