// Shell selection is pure given $SHELL and the shells found on PATH, which
// keeps it cheap on the cached path and easy to test.

#include "caro/context/shell_choice.h"

#include "caro/context/path_search.h"

#include <array>

namespace caro::context {
namespace {

constexpr std::array<Shell, 4> k_shells{Shell::bash, Shell::zsh, Shell::fish, Shell::sh};

} // namespace

ShellPaths find_shells(const std::vector<std::string>& dirs)
{
  ShellPaths paths;
  for (const Shell shell : k_shells) {
    const std::string name(to_string(shell));
    if (auto found = find_executable(name, dirs)) {
      paths.emplace(name, std::move(*found));
    }
  }
  return paths;
}

Shell shell_for_program(std::string_view program_name)
{
  for (const Shell shell : k_shells) {
    if (program_name == to_string(shell)) {
      return shell;
    }
  }
  return Shell::sh;
}

ShellSelection select_shell(std::optional<Shell> override_shell, std::string_view shell_env, const ShellPaths& on_path)
{
  const auto program_name = base_name(shell_env);
  ShellSelection selection;
  selection.shell = override_shell.value_or(shell_for_program(program_name));
  const auto wanted = to_string(selection.shell);
  if (!shell_env.empty() && shell_env.front() == '/' && program_name == wanted) {
    selection.path = std::string(shell_env);
  } else if (const auto it = on_path.find(wanted); it != on_path.end()) {
    selection.path = it->second;
  } else {
    selection.path = "/bin/sh";
  }
  return selection;
}

} // namespace caro::context
