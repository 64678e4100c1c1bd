#pragma once

// Internal to the config module (it exposes toml++, which only caro_lib
// links): parsing config.toml into a table, with errors as values whether or
// not toml++ was built with exceptions.

#include "caro/util/expected.h"

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace caro::config::detail {

// A parse error reads "<path>:<line>:<column>: <what toml++ says>", with a
// hint saying how to fix or find the file.
Expected<toml::table> parse_toml(std::string_view text, std::string_view path);

// "<path>:<line>" for a node or key in the file.
std::string where(std::string_view path, const toml::source_region& region);

// "a string", "an integer", ... for messages about wrong types.
std::string_view describe_type(toml::node_type type);

} // namespace caro::config::detail
