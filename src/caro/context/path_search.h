#pragma once

// Looking programs up on a PATH string the caller supplies (the injected
// environment's, not necessarily caro's own), with plain stat/access calls so
// that detection stays cheap and never runs a shell.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace caro::context {

// The directories of a PATH value, in order. Empty entries (which POSIX reads
// as "the current directory") are dropped: caro must not pick up a tool from
// wherever the user happens to stand.
std::vector<std::string> split_search_path(std::string_view path_value);

// The first `dir/name` that is a regular file (after following symlinks) the
// user may execute; nullopt when there is none.
std::optional<std::string> find_executable(std::string_view name, const std::vector<std::string>& dirs);

// Which of `names` are executable somewhere on `dirs`.
std::set<std::string, std::less<>> installed_programs(const std::vector<std::string>& names,
                                                      const std::vector<std::string>& dirs);

// The last component of a path ("/usr/bin/zsh" -> "zsh").
std::string_view base_name(std::string_view path);

} // namespace caro::context
