#pragma once

// The XDG base directories the embedded backend keeps files in: downloaded
// models under the data home, prefix-cache states under the cache home. Read
// through an injected environment so tests never touch the real HOME.

#include "caro/util/env.h"

#include <optional>
#include <string>
#include <string_view>

namespace caro::backends {

// $<variable> when it is an absolute path, else $HOME/<home_fallback>;
// nullopt when neither is usable. E.g. ("XDG_CACHE_HOME", ".cache").
std::optional<std::string> xdg_directory(const EnvLookup& env, std::string_view variable,
                                         std::string_view home_fallback);

} // namespace caro::backends
