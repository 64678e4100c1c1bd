#include "caro/util/env.h"

#include <cstdlib>

namespace caro {

EnvLookup process_environment()
{
  return [](std::string_view name) -> std::optional<std::string> {
    const std::string key(name);
    if (const char* value = std::getenv(key.c_str())) {
      return std::string(value);
    }
    return std::nullopt;
  };
}

EnvLookup fixed_environment(std::map<std::string, std::string, std::less<>> variables)
{
  return [vars = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    if (auto it = vars.find(name); it != vars.end()) {
      return it->second;
    }
    return std::nullopt;
  };
}

std::optional<std::string> non_empty(const EnvLookup& env, std::string_view name)
{
  auto value = env(name);
  if (value && !value->empty()) {
    return value;
  }
  return std::nullopt;
}

} // namespace caro
