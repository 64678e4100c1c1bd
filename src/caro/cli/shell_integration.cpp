// `caro init SHELL` and `caro completion SHELL`: picks the script for the
// shell. The scripts themselves live in shell_integration_<shell>.cpp.

#include "caro/cli/shell_integration.h"

#include "caro/cli/shell_integration_scripts.h"

namespace caro::cli {

namespace {

Unexpected unsupported_shell(std::string_view what)
{
  return unexpected(std::string(what) + " supports bash, zsh and fish",
                    "use one of: bash, zsh, fish (for sh, run `caro` directly)");
}

} // namespace

Expected<std::string> init_script(Shell shell)
{
  switch (shell) {
  case Shell::bash:
    return std::string(detail::bash_init_script());
  case Shell::zsh:
    return std::string(detail::zsh_init_script());
  case Shell::fish:
    return std::string(detail::fish_init_script());
  case Shell::sh:
    break;
  }
  return unsupported_shell("init");
}

Expected<std::string> completion_script(Shell shell)
{
  switch (shell) {
  case Shell::bash:
    return std::string(detail::bash_completion_script());
  case Shell::zsh:
    return std::string(detail::zsh_completion_script());
  case Shell::fish:
    return std::string(detail::fish_completion_script());
  case Shell::sh:
    break;
  }
  return unsupported_shell("completion");
}

} // namespace caro::cli
