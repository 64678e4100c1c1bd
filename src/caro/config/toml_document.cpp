// toml++ throws toml::parse_error when built with exceptions (TOML_EXCEPTIONS)
// and returns a toml::parse_result otherwise; this file hides the difference
// so that the rest of the module only sees Expected.

#include "caro/config/toml_document.h"

#include <string>

namespace caro::config::detail {
namespace {

// toml++ quotes the offending text raw ("saw 'tru\n'"); keep messages on one line.
std::string one_line(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

Unexpected parse_failure(std::string_view path, const toml::parse_error& error)
{
  const auto& begin = error.source().begin;
  return unexpected(std::string(path) + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) + ": " +
                        one_line(error.description()),
                    "fix the file or run `caro config path` to find it");
}

} // namespace

Expected<toml::table> parse_toml(std::string_view text, std::string_view path)
{
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    return parse_failure(path, error);
  }
#else
  toml::parse_result result = toml::parse(text, path);
  if (!result) {
    return parse_failure(path, result.error());
  }
  return std::move(result).table();
#endif
}

std::string where(std::string_view path, const toml::source_region& region)
{
  return std::string(path) + ":" + std::to_string(region.begin.line);
}

std::string_view describe_type(toml::node_type type)
{
  switch (type) {
  case toml::node_type::none:
    return "nothing";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  }
  return "a value";
}

} // namespace caro::config::detail
