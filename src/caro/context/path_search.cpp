// PATH lookups done with one stat() and, when that finds a regular file, one
// access(X_OK) per candidate: no directory listing, no shell, no subprocess.

#include "caro/context/path_search.h"

#include "caro/util/strings.h"

#include <sys/stat.h>
#include <unistd.h>

namespace caro::context {

std::vector<std::string> split_search_path(std::string_view path_value)
{
  std::vector<std::string> dirs;
  for (const auto piece : util::split(path_value, ':')) {
    if (!piece.empty()) {
      dirs.emplace_back(piece);
    }
  }
  return dirs;
}

std::optional<std::string> find_executable(std::string_view name, const std::vector<std::string>& dirs)
{
  if (name.empty() || name.find('/') != std::string_view::npos) {
    return std::nullopt;
  }
  for (const auto& dir : dirs) {
    std::string candidate = dir;
    if (candidate.back() != '/') {
      candidate += '/';
    }
    candidate += name;
    struct stat info = {};
    if (::stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::set<std::string, std::less<>> installed_programs(const std::vector<std::string>& names,
                                                      const std::vector<std::string>& dirs)
{
  std::set<std::string, std::less<>> found;
  for (const auto& name : names) {
    if (find_executable(name, dirs)) {
      found.insert(name);
    }
  }
  return found;
}

std::string_view base_name(std::string_view path)
{
  while (path.size() > 1 && path.back() == '/') {
    path.remove_suffix(1);
  }
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace caro::context
