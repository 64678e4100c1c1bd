// `caro init SHELL` and `caro completion SHELL`: print a script for the shell.

#include "caro/cli/app.h"
#include "caro/cli/session.h"
#include "caro/cli/shell_integration.h"

#include <fmt/format.h>

#include <cstdio>

namespace caro::cli {
namespace {

int print_script(const Session& session, std::string_view what, Expected<std::string> (*make)(Shell))
{
  const auto& name = session.options.action;
  const auto usage = fmt::format("usage: caro {} bash|zsh|fish", what);
  if (name.empty()) {
    print_error({fmt::format("'caro {}' needs a shell name", what), usage});
    return k_exit_usage;
  }
  if (!session.options.action_args.empty()) {
    print_error({fmt::format("'caro {}' takes one shell name", what), usage});
    return k_exit_usage;
  }
  const auto shell = parse_shell(name);
  if (!shell) {
    print_error({fmt::format("unknown shell \"{}\"", name), usage});
    return k_exit_usage;
  }
  auto script = make(*shell);
  if (!script) {
    print_error(script.error());
    return k_exit_usage;
  }
  std::fputs(script->c_str(), stdout);
  return k_exit_ok;
}

} // namespace

int run_init(Session& session)
{
  return print_script(session, "init", &init_script);
}

int run_completion(Session& session)
{
  return print_script(session, "completion", &completion_script);
}

} // namespace caro::cli
