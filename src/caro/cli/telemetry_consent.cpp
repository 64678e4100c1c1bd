// The one-time telemetry question (see telemetry_consent.h). It shares the
// menu's key reader, so the same keys mean no, and a key typed before the
// question appeared is discarded rather than taken as an answer.

#include "caro/cli/telemetry_consent.h"

#include "caro/cli/confirm_menu.h"
#include "caro/cli/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <string_view>

namespace caro::cli {
namespace {

constexpr std::string_view k_question =
    "caro can keep local statistics of how fast it answers (backend, timings, risk; never what you typed),\n"
    "shown by `caro stats`. Nothing leaves this machine. Turn this on? [y/N] ";

} // namespace

bool ask_telemetry_consent(int in_fd, int out_fd)
{
  std::fflush(nullptr);
  const RawMode raw(in_fd);
  ::tcflush(in_fd, TCIFLUSH);
  detail::write_all(out_fd, k_question);
  detail::KeyReader keys(in_fd);
  bool yes = false;
  while (true) {
    const auto key = keys.next();
    if (key.kind == detail::KeyKind::character && key.bytes.size() == 1) {
      yes = key.bytes[0] == 'y' || key.bytes[0] == 'Y';
      break;
    }
    if (key.kind == detail::KeyKind::escape || key.kind == detail::KeyKind::end_of_input) {
      break;
    }
  }
  detail::write_all(out_fd, yes ? "yes\n" : "no\n");
  return yes;
}

void maybe_ask_telemetry_consent(Session& session)
{
  const auto source = session.config.sources.find("telemetry");
  const bool answered = source != session.config.sources.end() && source->second != config::Source::default_value;
  if (answered || session.config.settings.output == OutputFormat::json || session.options.quiet ||
      !is_terminal(STDIN_FILENO) || !is_terminal(STDERR_FILENO)) {
    return;
  }
  const bool yes = ask_telemetry_consent(STDIN_FILENO, STDERR_FILENO);
  session.config.settings.telemetry = yes;
  session.config.sources.insert_or_assign("telemetry", config::Source::file);
  const auto path = session.options.config_file.value_or(config::default_config_path(session.env));
  if (auto stored = config::set_in_file(path, "telemetry", yes ? "true" : "false"); !stored) {
    print_warning("could not save the answer in " + path + ": " + stored.error().message);
    return;
  }
  std::fputs(yes ? "caro: telemetry on; `caro stats` shows it, `caro config set telemetry false` stops it\n"
                 : "caro: telemetry stays off; `caro config set telemetry true` turns it on\n",
             stderr);
}

} // namespace caro::cli
