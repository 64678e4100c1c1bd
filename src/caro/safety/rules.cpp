// The rule tables generated from safety/data/rules.toml, compiled once on
// first use (a function-local static: thread-safe, and no work at
// static-initialisation time). Compiling the constant tables takes
// microseconds; parsing the TOML took milliseconds in every process.

#include "caro/safety/rules.h"

#include "caro/safety/rule_source.h"

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

} // namespace

std::span<const Rule> all_rules()
{
  static const RuleSet k_rules = load_embedded();
  return k_rules.rules();
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
