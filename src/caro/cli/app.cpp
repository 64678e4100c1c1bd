#include "caro/cli/app.h"

#include "caro/cli/help_text.h"
#include "caro/cli/options.h"
#include "caro/cli/session.h"
#include "caro/cli/terminal.h"
#include "caro/core/build_info.h"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>

namespace caro::cli {
namespace {

// Colours are on for a stream when it is a terminal and nothing turned them
// off: --no-color, or NO_COLOR unless the user explicitly chose colours.
bool colors_enabled(const Session& session, int fd)
{
  if (session.options.no_color) {
    return false;
  }
  const auto& settings = session.config.settings;
  const auto source_it = session.config.sources.find("color");
  const bool chosen = source_it != session.config.sources.end() && source_it->second != config::Source::default_value;
  if (chosen && settings.color != ColorChoice::automatic) {
    return settings.color == ColorChoice::always;
  }
  if (non_empty(session.env, "NO_COLOR")) {
    return false;
  }
  const auto term = session.env("TERM");
  return is_terminal(fd) && !(term && *term == "dumb");
}

std::string flag_name_of(std::string_view key)
{
  return key == "static.min_confidence" ? std::string(key) : "--" + std::string(key);
}

} // namespace

void print_error(const Error& error)
{
  std::fputs(fmt::format("caro: error: {}\n", error.message).c_str(), stderr);
  if (!error.hint.empty()) {
    std::fputs(fmt::format("caro: hint: {}\n", error.hint).c_str(), stderr);
  }
}

void print_warning(std::string_view message)
{
  std::fputs(fmt::format("caro: warning: {}\n", message).c_str(), stderr);
}

void print_verbose(const Session& session, std::string_view message)
{
  if (session.options.verbose) {
    std::fputs(fmt::format("caro: {}\n", message).c_str(), stderr);
  }
}

double milliseconds_since(std::chrono::steady_clock::time_point since)
{
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

int run(int argc, char** argv)
{
  Session session;
  session.started = std::chrono::steady_clock::now();
  session.env = process_environment();

  auto parsed = parse_options(argc, argv);
  if (!parsed) {
    print_error({parsed.error().message, "run 'caro --help' for usage"});
    return k_exit_usage;
  }
  session.options = std::move(*parsed);

  switch (session.options.subcommand) {
  case Subcommand::help:
    std::fputs(help_text().data(), stdout);
    return k_exit_ok;
  case Subcommand::version: {
    const auto& info = build_info();
    std::fputs(fmt::format("caro {} (git {}, {})\n", info.version, info.git_hash, info.build_type).c_str(), stdout);
    return k_exit_ok;
  }
  default:
    break;
  }

  // init and completion print scripts and need no settings.
  if (session.options.subcommand == Subcommand::init) {
    return run_init(session);
  }
  if (session.options.subcommand == Subcommand::completion) {
    return run_completion(session);
  }
  // `config path` must work even when the file it names is broken.
  if (session.options.subcommand == Subcommand::config && session.options.action == "path") {
    return run_config(session);
  }

  auto resolved = config::resolve(session.options.config_file, session.env);
  if (!resolved) {
    print_error(resolved.error());
    return k_exit_usage;
  }
  session.config = std::move(*resolved);
  for (const auto& [key, value] : session.options.setting_flags) {
    if (auto applied = config::apply(session.config, key, value, config::Source::flag); !applied) {
      print_error({flag_name_of(key) + ": " + applied.error().message, "run 'caro --help' for the accepted values"});
      return k_exit_usage;
    }
  }
  for (const auto& warning : session.config.warnings) {
    print_warning(warning);
  }
  session.color_stdout = colors_enabled(session, STDOUT_FILENO);
  session.color_stderr = colors_enabled(session, STDERR_FILENO);

  switch (session.options.subcommand) {
  case Subcommand::validate:
    return run_validate(session);
  case Subcommand::config:
    return run_config(session);
  case Subcommand::model:
    return run_model(session);
  case Subcommand::doctor:
    return run_doctor(session);
  case Subcommand::stats:
    return run_stats(session);
  case Subcommand::history:
    return run_history(session);
  default:
    return run_generate(session);
  }
}

} // namespace caro::cli
