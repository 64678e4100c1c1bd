// `caro validate -- <COMMAND>`: rate a command with the safety validator.

#include "caro/cli/app.h"
#include "caro/cli/report_json.h"
#include "caro/cli/session.h"
#include "caro/cli/terminal.h"
#include "caro/core/pipeline.h"
#include "caro/util/strings.h"

#include <fmt/format.h>

#include <cstdio>

namespace caro::cli {

int run_validate(Session& session)
{
  const auto& settings = session.config.settings;
  if (session.options.words.empty()) {
    print_error({"no command to validate", "usage: caro validate [-o json] [--platform P] -- <COMMAND>"});
    return k_exit_usage;
  }
  const std::vector<std::string> words(session.options.words.begin(), session.options.words.end());
  const std::string command = util::join(words, " ");
  const Platform platform = settings.platform.value_or(Platform::gnu);

  const safety::Validator validator;
  const auto verdict = judge(validator, command, settings, platform);
  const int status = verdict.decision.blocked ? k_exit_blocked_or_declined : k_exit_ok;

  if (settings.output == OutputFormat::json) {
    std::fputs((validation_json(command, verdict, platform, settings.safety).dump() + "\n").c_str(), stdout);
    return status;
  }
  const bool color = session.color_stdout;
  const auto& assessment = verdict.assessment;
  std::fputs(fmt::format("risk: {}\nblocked: {}\n", paint_risk(to_string(assessment.risk), assessment.risk, color),
                         verdict.decision.blocked ? "yes" : "no")
                 .c_str(),
             stdout);
  if (assessment.findings.empty()) {
    std::fputs("findings: none\n", stdout);
  } else {
    std::fputs("findings:\n", stdout);
  }
  for (const auto& finding : assessment.findings) {
    const auto begin = std::min(finding.span.begin, command.size());
    const auto end = std::clamp(finding.span.end, begin, command.size());
    std::fputs(fmt::format("  - {} [{}] at {}..{}: {}\n      {}\n", finding.rule_id,
                           paint_risk(to_string(finding.risk), finding.risk, color), begin, end,
                           command.substr(begin, end - begin), finding.message)
                   .c_str(),
               stdout);
    if (!finding.alternative.empty()) {
      std::fputs(fmt::format("      safer: {}\n", finding.alternative).c_str(), stdout);
    }
  }
  return status;
}

} // namespace caro::cli
