#pragma once

// Reading environment variables through an injectable function, so tests can
// hand a module a fake environment instead of mutating the real one.

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace caro {

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The real process environment (getenv).
EnvLookup process_environment();

// A fixed environment, for tests.
EnvLookup fixed_environment(std::map<std::string, std::string, std::less<>> variables);

// Returns the variable when it is set and non-empty.
std::optional<std::string> non_empty(const EnvLookup& env, std::string_view name);

} // namespace caro
