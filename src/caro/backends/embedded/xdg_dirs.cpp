// XDG base directory lookup for the embedded backend (see xdg_dirs.h).

#include "caro/backends/embedded/xdg_dirs.h"

namespace caro::backends {

std::optional<std::string> xdg_directory(const EnvLookup& env, std::string_view variable,
                                         std::string_view home_fallback)
{
  // The XDG spec says relative values are invalid and must be ignored.
  if (auto value = non_empty(env, variable); value && value->front() == '/') {
    return value;
  }
  if (auto home = non_empty(env, "HOME"); home && home->front() == '/') {
    return *home + "/" + std::string(home_fallback);
  }
  return std::nullopt;
}

} // namespace caro::backends
