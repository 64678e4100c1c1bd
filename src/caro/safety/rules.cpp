// The rule tables generated from safety/data/rules.toml, compiled once on
// first use (a function-local static: thread-safe, and no work at
// static-initialisation time). Compiling the constant tables takes
// microseconds; parsing the TOML took milliseconds in every process.

#include "caro/safety/rules.h"

#include "caro/safety/rule_matcher.h"
#include "caro/safety/rule_source.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>

namespace caro::safety {

namespace {

RuleSet load_embedded()
{
  Expected<RuleSet> loaded = compile_rules(generated_rule_source(), "safety/data/rules.toml");
  if (!loaded) {
    throw std::logic_error("malformed rule file: " + loaded.error().message);
  }
  return std::move(loaded).value();
}

// The rules, and for run_rules the candidates per command name: most rules
// name their utilities, so a command is matched against a handful of rules
// instead of all of them.
struct RuleTable
{
  RuleSet set;
  std::vector<std::pair<std::string, std::vector<const Rule*>>> by_name; // sorted by name
  std::vector<const Rule*> any_name;
};

// The exact names a rule's matchers require; nullopt when some alternative
// accepts other names (no command condition, or a glob).
std::optional<std::vector<std::string>> required_names(const Rule& rule)
{
  std::vector<std::string> names;
  for (const MatcherSpec& spec : *rule.matcher.alternatives()) {
    if (spec.commands.empty() || !spec.command_globs.empty()) {
      return std::nullopt;
    }
    names.insert(names.end(), spec.command_names.begin(), spec.command_names.end());
  }
  return names;
}

RuleTable build_table()
{
  RuleTable table{load_embedded(), {}, {}};
  std::map<std::string, std::vector<const Rule*>, std::less<>> by_name;
  for (const Rule& rule : table.set.rules()) {
    if (!rule.matcher) {
      continue;
    }
    if (const std::optional<std::vector<std::string>> names = required_names(rule)) {
      for (const std::string& name : *names) {
        std::vector<const Rule*>& list = by_name[name];
        if (list.empty() || list.back() != &rule) {
          list.push_back(&rule);
        }
      }
    } else {
      table.any_name.push_back(&rule);
    }
  }
  // Each name's list also holds the any-name rules, merged in file order.
  for (auto& [name, specific] : by_name) {
    std::vector<const Rule*> merged;
    std::merge(specific.begin(), specific.end(), table.any_name.begin(), table.any_name.end(),
               std::back_inserter(merged));
    table.by_name.emplace_back(name, std::move(merged));
  }
  return table;
}

const RuleTable& rule_table()
{
  static const RuleTable k_table = build_table();
  return k_table;
}

} // namespace

std::span<const Rule> all_rules()
{
  return rule_table().set.rules();
}

std::span<const Rule* const> rules_for(std::string_view command_name)
{
  const RuleTable& table = rule_table();
  const auto found = std::lower_bound(table.by_name.begin(), table.by_name.end(), command_name,
                                      [](const auto& entry, std::string_view name) { return entry.first < name; });
  if (found != table.by_name.end() && found->first == command_name) {
    return found->second;
  }
  return table.any_name;
}

std::array<std::span<const Rule>, 1> rule_sets()
{
  return {all_rules()};
}

const Rule* find_rule(std::string_view id)
{
  for (const Rule& rule : all_rules()) {
    if (rule.id == id) {
      return &rule;
    }
  }
  return nullptr;
}

} // namespace caro::safety
