#include "caro/cli/report_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace caro::cli {
namespace {

// Milliseconds with microsecond resolution; enough for humans and diffs.
double round_ms(double ms)
{
  return std::round(ms * 1000.0) / 1000.0;
}

void add_unique(std::vector<std::string>& list, const std::string& item)
{
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

} // namespace

nlohmann::json findings_json(const safety::Assessment& assessment, std::string_view command)
{
  auto findings = nlohmann::json::array();
  for (const auto& finding : assessment.findings) {
    const auto begin = std::min(finding.span.begin, command.size());
    const auto end = std::clamp(finding.span.end, begin, command.size());
    findings.push_back({{"rule", finding.rule_id},
                        {"risk", to_string(finding.risk)},
                        {"message", finding.message},
                        {"alternative", finding.alternative},
                        {"span", {{"start", begin}, {"end", end}, {"text", command.substr(begin, end - begin)}}}});
  }
  return findings;
}

std::vector<std::string> collect_warnings(const Outcome& outcome)
{
  std::vector<std::string> warnings;
  if (outcome.candidate) {
    for (const auto& warning : outcome.candidate->warnings) {
      add_unique(warnings, warning);
    }
  }
  for (const auto& finding : outcome.assessment.findings) {
    if (finding.risk > Risk::safe) {
      add_unique(warnings, fmt::format("{}: {}", to_string(finding.risk), finding.message));
    }
  }
  return warnings;
}

std::vector<std::string> collect_alternatives(const Outcome& outcome)
{
  std::vector<std::string> alternatives;
  if (outcome.candidate) {
    for (const auto& alternative : outcome.candidate->alternatives) {
      add_unique(alternatives, alternative);
    }
  }
  for (const auto& finding : outcome.assessment.findings) {
    add_unique(alternatives, finding.alternative);
  }
  return alternatives;
}

nlohmann::json generation_json(const Outcome& outcome, const ExecutionContext& context,
                               std::string_view no_answer_reason, double total_ms, const Timings& extra_timings)
{
  nlohmann::json timing = nlohmann::json::object();
  timing["total"] = round_ms(total_ms);
  for (const auto& [phase, ms] : extra_timings) {
    timing[phase] = round_ms(ms);
  }
  for (const auto& [phase, ms] : outcome.timing_ms) {
    timing[phase] = round_ms(ms);
  }
  for (const auto& [phase, ms] : outcome.chain.timing_ms) {
    timing[phase] = round_ms(ms);
  }

  nlohmann::json doc;
  if (outcome.candidate) {
    doc["command"] = outcome.candidate->command;
    doc["backend"] = outcome.backend;
    doc["confidence"] = std::clamp(outcome.candidate->confidence, 0.0, 1.0);
    doc["explanation"] = outcome.candidate->explanation;
  } else {
    doc["command"] = nullptr;
    doc["backend"] = nullptr;
    doc["confidence"] = 0.0;
    doc["explanation"] = std::string(no_answer_reason);
  }
  doc["risk"] = to_string(outcome.assessment.risk);
  doc["blocked"] = outcome.candidate ? outcome.decision.blocked : false;
  doc["warnings"] = collect_warnings(outcome);
  doc["alternatives"] = collect_alternatives(outcome);
  doc["shell"] = to_string(context.shell);
  doc["platform"] = to_string(context.platform);
  doc["findings"] =
      outcome.candidate ? findings_json(outcome.assessment, outcome.candidate->command) : nlohmann::json::array();
  doc["timing_ms"] = timing;
  return doc;
}

nlohmann::json validation_json(std::string_view command, const Verdict& verdict, Platform platform, SafetyMode mode)
{
  return {{"command", command},
          {"risk", to_string(verdict.assessment.risk)},
          {"blocked", verdict.decision.blocked},
          {"needs_confirmation", verdict.decision.needs_confirmation},
          {"safety", to_string(mode)},
          {"platform", to_string(platform)},
          {"findings", findings_json(verdict.assessment, command)}};
}

} // namespace caro::cli
