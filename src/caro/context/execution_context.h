#pragma once

// What caro knows about the machine a command will run on. Detected once,
// cached on disk (see context_cache.h), and handed to every backend so that
// the command it builds fits the shell, the dialect and the installed tools.

#include "caro/core/types.h"

#include <map>
#include <set>
#include <string>

namespace caro {

struct ExecutionContext
{
  std::string os;   // uname sysname, e.g. "Linux", "Darwin"
  std::string arch; // uname machine, e.g. "x86_64"
  Shell shell = Shell::bash;
  std::string shell_path; // the shell that runs commands ($SHELL or the -s shell)
  std::string cwd;
  std::string home;
  // Overall dialect used to build commands; --platform overrides detection.
  Platform platform = Platform::gnu;
  // Flavour of each probed core utility (find, sed, ls, stat, date, du, ps).
  std::map<std::string, Platform, std::less<>> tool_flavors;
  // Common utilities found on PATH (names only).
  std::set<std::string, std::less<>> installed;

  bool has(std::string_view tool) const { return installed.find(tool) != installed.end(); }
};

} // namespace caro
