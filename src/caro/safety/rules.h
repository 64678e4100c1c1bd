#pragma once

// The rule table. Each rule is data (id, category, risk, message, safer
// alternative, examples that must and must not trigger it) plus one matcher
// over a CommandView. The unit tests iterate every rule's examples, and the
// shape is meant to move to a data file later with the matchers becoming
// generic predicates.

#include "caro/core/types.h"
#include "caro/safety/assessment.h"
#include "caro/safety/command_view.h"

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace caro::safety {

// Returns where the rule fires (usually view.span), or nullopt.
using Matcher = std::optional<Span> (*)(const CommandView& view);

struct Rule
{
  std::string_view id;       // "fs.rm-recursive-root"
  std::string_view category; // "filesystem", "disk", "network", "system", "tools", "analysis"
  // Of the rules sharing a group, only the first that matches a command (in
  // table order) reports: `rm -rf /` is "root", not also "recursive rm".
  std::string_view group;
  Risk risk = Risk::safe;
  std::string_view message;
  std::string_view alternative;
  std::span<const std::string_view> match_examples;     // each must produce this rule's finding
  std::span<const std::string_view> not_match_examples; // none may
  Matcher matcher = nullptr; // nullptr: raised by the validator itself (parse problems, sudo)
};

std::span<const Rule> filesystem_rules();
std::span<const Rule> disk_rules();
std::span<const Rule> network_rules();
std::span<const Rule> system_rules();
std::span<const Rule> tool_rules();
std::span<const Rule> analysis_rules();

// Every rule set, in the order they are evaluated.
std::array<std::span<const Rule>, 6> rule_sets();

// The rule with this id; nullptr when there is none.
const Rule* find_rule(std::string_view id);

} // namespace caro::safety
