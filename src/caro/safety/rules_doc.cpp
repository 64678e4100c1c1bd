// Renders the rule data as Markdown for docs/safety.md. Output depends only on
// the rules and the policy, so regenerating an unchanged file is a no-op.

#include "caro/safety/rules_doc.h"

#include "caro/safety/policy.h"

#include <array>

namespace caro::safety {

namespace {

// Inline code that survives backquotes and pipes inside Markdown tables and lists.
std::string code(std::string_view text)
{
  std::string fence = "`";
  while (text.find(fence) != std::string_view::npos) {
    fence += "`";
  }
  const bool pad = text.empty() || text.front() == '`' || text.back() == '`' || text.front() == ' ';
  std::string out = fence;
  if (pad) {
    out += ' ';
  }
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  if (pad) {
    out += ' ';
  }
  return out + fence;
}

std::string risks_where(SafetyMode mode, bool blocked)
{
  std::string out;
  for (const Risk risk : {Risk::safe, Risk::moderate, Risk::high, Risk::critical}) {
    const PolicyDecision decision = decide(risk, mode);
    if ((blocked && decision.blocked) || (!blocked && !decision.blocked && decision.needs_confirmation)) {
      out += out.empty() ? "" : ", ";
      out += to_string(risk);
    }
  }
  return out.empty() ? "nothing" : out;
}

void examples(std::string& out, std::string_view title, const std::vector<std::string>& list)
{
  if (list.empty()) {
    return;
  }
  out += "- ";
  out += title;
  out += ": ";
  for (std::size_t i = 0; i < list.size(); ++i) {
    out += i == 0 ? "" : ", ";
    out += code(list[i]);
  }
  out += "\n";
}

} // namespace

std::string render_rules_doc(std::span<const Rule> rules)
{
  std::string out;
  out += "\n## Policy: what the safety mode does with a risk\n\n";
  out += "| mode | blocked | asks for confirmation |\n|------|---------|-----------------------|\n";
  for (const SafetyMode mode : {SafetyMode::strict, SafetyMode::moderate, SafetyMode::permissive}) {
    out += "| `" + std::string(to_string(mode)) + "` | " + risks_where(mode, true) + " | " + risks_where(mode, false) +
           " |\n";
  }
  out += "\n`-y` may skip the confirmation of: ";
  std::string skippable;
  for (const Risk risk : {Risk::safe, Risk::moderate, Risk::high, Risk::critical}) {
    if (yes_may_skip_confirmation(risk)) {
      skippable += skippable.empty() ? "" : ", ";
      skippable += to_string(risk);
    }
  }
  out += skippable + ".\n";

  out += "\n## Rules\n\n";
  out += std::to_string(rules.size()) +
         " rules, in evaluation order. Within a group only the first matching rule reports. "
         "Every example below is run by the unit tests.\n\n";
  out += "| id | category | group | risk |\n|----|----------|-------|------|\n";
  for (const Rule& rule : rules) {
    out += "| [" + rule.id + "](#";
    for (const char c : rule.id) {
      if (c != '.') {
        out += c;
      }
    }
    out += ") | " + rule.category + " | " + rule.group + " | " + std::string(to_string(rule.risk)) + " |\n";
  }
  for (const Rule& rule : rules) {
    out += "\n### " + rule.id + "\n\n";
    out += "- category: " + rule.category + ", group: " + rule.group + ", risk: **" +
           std::string(to_string(rule.risk)) + "**\n";
    out += "- message: " + rule.message + "\n";
    if (!rule.alternative.empty()) {
      out += "- safer: " + rule.alternative + "\n";
    }
    out += "- matcher: " + code(rule.matcher_text) + "\n";
    examples(out, "matches", rule.match_examples);
    examples(out, "does not match", rule.not_match_examples);
  }
  out += "\n";
  return out;
}

std::string replace_generated_block(std::string_view document, std::string_view generated)
{
  const std::size_t begin = document.find(k_doc_begin);
  const std::size_t end = document.find(k_doc_end);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) {
    return {};
  }
  std::string out(document.substr(0, begin + k_doc_begin.size()));
  out += "\n";
  out += generated;
  out += document.substr(end);
  return out;
}

} // namespace caro::safety
