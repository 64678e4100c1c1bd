// `caro <REQUEST>`: read the request, generate and check a command, show it,
// and run it only when the user (or -x with the safety policy) says so.

#include "caro/cli/app.h"
#include "caro/cli/confirm_menu.h"
#include "caro/cli/report_json.h"
#include "caro/cli/session.h"
#include "caro/cli/telemetry_consent.h"
#include "caro/cli/telemetry_recording.h"
#include "caro/cli/terminal.h"
#include "caro/context/detect.h"
#include "caro/core/pipeline.h"
#include "caro/core/request_text.h"
#include "caro/exec/shell_runner.h"
#include "caro/util/strings.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace caro::cli {
namespace {

// Reads the request from stdin, at most one byte past the limit so an
// oversized request is reported as such without reading all of it.
Expected<std::string> read_request_from_stdin()
{
  std::string text;
  char buffer[4096];
  while (text.size() <= k_max_request_bytes) {
    const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n == 0) {
      break;
    }
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return unexpected(std::string("cannot read the request from stdin: ") + std::strerror(errno));
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

Expected<std::string> gather_request(const Options& options)
{
  if (options.prompt && !options.words.empty()) {
    return unexpected("the request was given both as words and with -p/--prompt",
                      "give it one way, e.g. caro -p \"list files\"");
  }
  std::string raw;
  if (options.prompt) {
    raw = *options.prompt;
  } else if (!options.words.empty()) {
    std::vector<std::string> words(options.words.begin(), options.words.end());
    raw = util::join(words, " ");
  } else if (!is_terminal(STDIN_FILENO)) {
    auto from_stdin = read_request_from_stdin();
    if (!from_stdin) {
      return from_stdin;
    }
    raw = std::move(*from_stdin);
  } else {
    return unexpected("no request given", "say what you want, e.g. caro \"find python files modified today\"");
  }
  return clean_request(raw);
}

struct Shown
{
  const Session& session;
  const ExecutionContext& context;
  bool interactive;
  bool* executed; // set when caro runs the command, for telemetry
};

void print_explanation(const Shown& shown, const Outcome& outcome)
{
  const bool color = shown.session.color_stdout;
  const auto& command = outcome.candidate->command;
  std::fputs(fmt::format("{}\n", paint_risk(command, outcome.assessment.risk, color)).c_str(), stdout);
  if (!outcome.candidate->explanation.empty()) {
    std::fputs(fmt::format("  {}\n", outcome.candidate->explanation).c_str(), stdout);
  }
  std::fputs(fmt::format("  backend: {} (confidence {:.2f}), shell: {}, platform: {}\n", outcome.backend,
                         outcome.candidate->confidence, to_string(shown.context.shell),
                         to_string(shown.context.platform))
                 .c_str(),
             stdout);
  std::fputs(fmt::format("  risk: {}\n", paint_risk(to_string(outcome.assessment.risk), outcome.assessment.risk, color))
                 .c_str(),
             stdout);
  for (const auto& finding : outcome.assessment.findings) {
    const auto begin = std::min(finding.span.begin, command.size());
    const auto end = std::clamp(finding.span.end, begin, command.size());
    std::fputs(fmt::format("    [{}] {}: {}\n      in: {}\n", finding.rule_id, to_string(finding.risk), finding.message,
                           command.substr(begin, end - begin))
                   .c_str(),
               stdout);
  }
  for (const auto& alternative : collect_alternatives(outcome)) {
    std::fputs(fmt::format("  safer: {}\n", alternative).c_str(), stdout);
  }
}

// The command, coloured by risk, then its explanation and warnings. On a
// pipe only the bare command goes to stdout; warnings go to stderr.
void print_plain(const Shown& shown, const Outcome& outcome)
{
  const auto& options = shown.session.options;
  const bool terminal = is_terminal(STDOUT_FILENO);
  const auto warnings = collect_warnings(outcome);
  if (options.explain) {
    print_explanation(shown, outcome);
    return;
  }
  if (!terminal) {
    std::fputs(fmt::format("{}\n", outcome.candidate->command).c_str(), stdout);
    if (!options.quiet) {
      for (const auto& warning : warnings) {
        print_warning(warning);
      }
    }
    return;
  }
  const bool color = shown.session.color_stdout;
  std::fputs(fmt::format("{}\n", paint_risk(outcome.candidate->command, outcome.assessment.risk, color)).c_str(),
             stdout);
  if (options.quiet) {
    return;
  }
  if (!outcome.candidate->explanation.empty()) {
    std::fputs(fmt::format("  {}\n", paint_dim(outcome.candidate->explanation, color)).c_str(), stdout);
  }
  for (const auto& warning : warnings) {
    std::fputs(fmt::format("  {} {}\n", paint_risk("warning:", outcome.assessment.risk, color), warning).c_str(),
               stdout);
  }
}

int report_blocked(const Shown& shown, const Outcome& outcome)
{
  const auto& session = shown.session;
  Error error{fmt::format("blocked: the command is rated {} and the safety mode is {}",
                          to_string(outcome.assessment.risk), to_string(session.config.settings.safety)),
              ""};
  const auto alternatives = collect_alternatives(outcome);
  if (!alternatives.empty()) {
    error.hint = "safer: " + alternatives.front();
  } else {
    error.hint = "rephrase the request, or review the command and run it yourself";
  }
  if (is_terminal(STDOUT_FILENO)) {
    print_explanation(shown, outcome);
  } else {
    for (const auto& warning : collect_warnings(outcome)) {
      print_warning(warning);
    }
  }
  print_error(error);
  return k_exit_blocked_or_declined;
}

int execute(const Shown& shown, const std::string& command)
{
  std::fflush(stdout);
  *shown.executed = true;
  auto status = exec::run_in_shell(shown.context.shell_path, command);
  if (!status) {
    print_error(status.error());
    return k_exit_usage;
  }
  return *status;
}

// The menu loop on a terminal: run, decline, edit (then re-check and ask
// again) or explain (then ask again).
int confirm_and_run(const Shown& shown, Outcome& outcome, const safety::Validator& validator)
{
  const auto& session = shown.session;
  while (true) {
    const auto choice = ask_run_confirmation(STDIN_FILENO, STDOUT_FILENO);
    switch (choice) {
    case MenuChoice::run:
      return execute(shown, outcome.candidate->command);
    case MenuChoice::decline:
      return k_exit_blocked_or_declined;
    case MenuChoice::explain:
      print_explanation(shown, outcome);
      break;
    case MenuChoice::edit: {
      auto edited = edit_line(STDIN_FILENO, STDOUT_FILENO, "> ", outcome.candidate->command);
      if (!edited || util::trim(*edited).empty()) {
        break;
      }
      outcome.candidate->command = std::string(util::trim(*edited));
      outcome.candidate->explanation = "edited by you";
      auto verdict = judge(validator, outcome.candidate->command, session.config.settings, shown.context.platform);
      outcome.assessment = std::move(verdict.assessment);
      outcome.decision = verdict.decision;
      print_plain(shown, outcome);
      if (outcome.decision.blocked) {
        return report_blocked(shown, outcome);
      }
      break;
    }
    }
  }
}

void print_verbose_report(const Session& session, const context::DetectReport& detected, const Outcome& outcome)
{
  if (!session.options.verbose) {
    return;
  }
  const auto& ctx = detected.context;
  print_verbose(session, fmt::format("context: {} {}, shell {} ({}), platform {}, {} ({:.2f} ms)", ctx.os, ctx.arch,
                                     to_string(ctx.shell), ctx.shell_path, to_string(ctx.platform),
                                     detected.from_cache ? "from cache" : "probed", detected.elapsed_ms));
  for (const auto& attempt : outcome.chain.attempts) {
    print_verbose(session,
                  fmt::format("backend {}: {} ({:.3f} ms)", attempt.backend, attempt.outcome, attempt.elapsed_ms));
  }
  for (const auto& [phase, ms] : outcome.chain.timing_ms) {
    print_verbose(session, fmt::format("{}: {:.3f} ms", phase, ms));
  }
  const auto& stages = outcome.stages;
  print_verbose(session, fmt::format("timings: context {:.3f} ms, generate {:.3f} ms, validate {:.3f} ms, total "
                                     "{:.3f} ms",
                                     stages.context_ms, stages.generate_ms, stages.validate_ms, stages.total_ms()));
}

std::string no_answer_reason(const Outcome& outcome)
{
  if (outcome.chain.attempts.empty()) {
    return "no backend was asked";
  }
  std::vector<std::string> reasons;
  for (const auto& attempt : outcome.chain.attempts) {
    reasons.push_back(attempt.backend + ": " + attempt.outcome);
  }
  return "no backend could answer (" + util::join(reasons, "; ") + ")";
}

// Everything after the command was generated: printing it, and running it
// when the user or the policy says so. Returns the exit status.
int present_outcome(const Session& session, const ExecutionContext& context, Outcome& outcome,
                    const safety::Validator& validator, bool& executed)
{
  const auto& options = session.options;
  if (session.config.settings.output == OutputFormat::json) {
    const auto reason = outcome.candidate ? std::string() : no_answer_reason(outcome);
    const Timings context_timing{{"context", outcome.stages.context_ms}};
    const auto doc = generation_json(outcome, context, reason, milliseconds_since(session.started), context_timing);
    std::fputs((doc.dump() + "\n").c_str(), stdout);
    if (!outcome.candidate) {
      return k_exit_no_command;
    }
    return outcome.decision.blocked ? k_exit_blocked_or_declined : k_exit_ok;
  }

  if (!outcome.candidate) {
    Error error{"caro could not turn this request into a command",
                "rephrase it with the file names, sizes or times you mean, or try another backend with -b"};
    const auto& attempts = outcome.chain.attempts;
    const bool none_usable = !attempts.empty() && std::all_of(attempts.begin(), attempts.end(), [](const auto& a) {
      return a.outcome.rfind("unavailable", 0) == 0;
    });
    if (outcome.chain.last_error) {
      error = *outcome.chain.last_error;
    } else if (none_usable) {
      error = {"no backend can answer here: " + no_answer_reason(outcome),
               "run 'caro doctor' to see what each backend needs, or use -b static"};
    } else if (options.verbose) {
      error.message += ": " + no_answer_reason(outcome);
    }
    print_error(error);
    return k_exit_no_command;
  }

  const Shown shown{session, context, is_terminal(STDIN_FILENO) && is_terminal(STDOUT_FILENO), &executed};
  if (outcome.decision.blocked) {
    return report_blocked(shown, outcome);
  }
  print_plain(shown, outcome);
  if (options.dry_run || options.explain) {
    return k_exit_ok;
  }
  if (options.execute) {
    const bool confirm = outcome.decision.needs_confirmation &&
                         !(options.yes && safety::yes_may_skip_confirmation(outcome.assessment.risk));
    if (!confirm) {
      return execute(shown, outcome.candidate->command);
    }
    if (shown.interactive) {
      return confirm_and_run(shown, outcome, validator);
    }
    print_error({fmt::format("not running a {} command without confirmation", to_string(outcome.assessment.risk)),
                 outcome.assessment.risk <= Risk::moderate ? "run caro on a terminal to confirm, or add -y"
                                                           : "run caro on a terminal to confirm it"});
    return k_exit_blocked_or_declined;
  }
  if (shown.interactive) {
    return confirm_and_run(shown, outcome, validator);
  }
  return k_exit_ok;
}

} // namespace

int run_generate(Session& session)
{
  const auto& options = session.options;
  const auto& settings = session.config.settings;
  const bool json = settings.output == OutputFormat::json;
  if (json && options.execute) {
    print_error(
        {"-x/--execute cannot be combined with -o json", "json output never runs the command; drop one of them"});
    return k_exit_usage;
  }

  auto request = gather_request(options);
  if (!request) {
    print_error(request.error());
    return k_exit_usage;
  }
  maybe_ask_telemetry_consent(session);

  const auto phase_start = std::chrono::steady_clock::now();
  context::DetectOptions detect_options;
  detect_options.env = session.env;
  detect_options.shell = settings.shell;
  detect_options.platform = settings.platform;
  const auto detected = context::detect(detect_options);
  const double context_ms = milliseconds_since(phase_start);
  const auto& context = detected.context;

  const safety::Validator validator;
  Outcome outcome = generate_command(*request, context, settings, validator);
  outcome.stages.context_ms = context_ms;
  print_verbose_report(session, detected, outcome);

  bool executed = false;
  const int status = present_outcome(session, context, outcome, validator, executed);
  // Recorded last, so `executed` is known; with telemetry off nothing is opened.
  if (settings.telemetry) {
    record_generation(session, GenerationFacts{*request, outcome, executed});
  }
  return status;
}

} // namespace caro::cli
