// The embedded rule file, loaded once on first use (a function-local static:
// thread-safe, and no work at static-initialisation time).

#include "caro/safety/rules.h"

#include "caro/util/embedded_files.h"

#include <stdexcept>

namespace caro::safety {

namespace {

RuleSet load_embedded()
{
  constexpr std::string_view k_path = "safety/data/rules.toml";
  const std::optional<std::string_view> text = util::embedded_file(k_path);
  if (!text) {
    throw std::logic_error("the rule file safety/data/rules.toml is not embedded");
  }
  Expected<RuleSet> loaded = load_rules(*text, k_path);
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
