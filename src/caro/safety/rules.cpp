// Gathers the per-category rule tables. The tables are constexpr arrays in
// their own files, so nothing is built at start-up.

#include "caro/safety/rules.h"

namespace caro::safety {

std::array<std::span<const Rule>, 6> rule_sets()
{
  return {filesystem_rules(), disk_rules(), network_rules(), system_rules(), tool_rules(), analysis_rules()};
}

const Rule* find_rule(std::string_view id)
{
  for (const auto set : rule_sets()) {
    for (const Rule& rule : set) {
      if (rule.id == id) {
        return &rule;
      }
    }
  }
  return nullptr;
}

} // namespace caro::safety
