#pragma once

// Choosing the shell generated commands are written for and run by: the
// user's override, else the family of $SHELL (dash, ash, ksh and unknown
// shells are treated as POSIX sh, the dialect they all accept).

#include "caro/core/types.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::context {

// Where each supported shell lives on PATH ("bash" -> "/usr/bin/bash"); only
// the shells found are present. Computed with the rest of the probes so that
// a cached detection can honour a -s override without any lookup.
using ShellPaths = std::map<std::string, std::string, std::less<>>;

ShellPaths find_shells(const std::vector<std::string>& dirs);

// The shell family of a program name: bash, zsh, fish, else sh.
Shell shell_for_program(std::string_view program_name);

struct ShellSelection
{
  Shell shell = Shell::sh;
  std::string path;
};

// `override_shell` wins over $SHELL (`shell_env`, may be empty). The path is
// $SHELL when it is absolute and its name is the chosen shell's, else the
// chosen shell found on PATH, else /bin/sh.
ShellSelection select_shell(std::optional<Shell> override_shell, std::string_view shell_env, const ShellPaths& on_path);

} // namespace caro::context
