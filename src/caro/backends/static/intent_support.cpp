// Helpers shared by the intent builders.

#include "caro/backends/static/find_builder.h"
#include "caro/backends/static/intent.h"

namespace caro::backends::static_matcher {

int take_all(Analysis& analysis, std::initializer_list<std::string_view> words)
{
  int taken = 0;
  if (!analysis.may_contain_any(words)) {
    return 0;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is_any(i, words)) {
      analysis.use(i);
      ++taken;
    }
  }
  return taken;
}

bool typed_singular(const Analysis& analysis, std::initializer_list<std::string_view> words)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is_any(i, words)) {
      // Tokens fold plurals for matching; the spelling as typed tells. A
      // final s is a plural only where folding removed it ("files"), not
      // where the word has it ("process").
      const std::string& raw = analysis.at(i).raw;
      const std::string& folded = analysis.at(i).text;
      if (raw.empty() || (raw.back() != 's' && raw.back() != 'S')) {
        return true;
      }
      if (raw.size() != folded.size()) {
        return false;
      }
      for (std::size_t k = 0; k < raw.size(); ++k) {
        const char c = raw[k] >= 'A' && raw[k] <= 'Z' ? static_cast<char>(raw[k] - 'A' + 'a') : raw[k];
        if (c != folded[k]) {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

std::optional<std::string> single_location(const Slots& slots, bool allow_in, bool allow_bare, bool allow_into)
{
  std::optional<std::string> found;
  for (const auto& location : slots.locations) {
    const bool allowed = (location.role == Location::Role::in && allow_in) ||
                         (location.role == Location::Role::bare && allow_bare) ||
                         (location.role == Location::Role::into && allow_into);
    if (!allowed || found) {
      return std::nullopt;
    }
    found = location.path;
  }
  return found;
}

bool looks_like_file(std::string_view path)
{
  const auto slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = last.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < last.size();
}

bool fill_find_spec(const Slots& slots, FindSpec& spec)
{
  // Every constraint is copied before the root is checked, so a caller that
  // reinterprets the location (a file name to look for) keeps them all.
  spec.extensions = slots.extensions;
  spec.extensions_negated = slots.extensions_negated;
  spec.type_label = slots.type_label;
  spec.name = slots.name;
  spec.case_insensitive = slots.case_insensitive;
  spec.size_min = slots.size_min;
  spec.size_max = slots.size_max;
  spec.time = slots.time;
  spec.exclusions = slots.exclusions;
  spec.owner = slots.owner;
  spec.max_depth_one = slots.depth_one;
  if (!slots.locations.empty()) {
    auto root = single_location(slots, true, true, false);
    if (!root || looks_like_file(*root)) {
      return false;
    }
    spec.root = *root;
    while (spec.root.size() > 1 && spec.root.back() == '/') {
      spec.root.pop_back();
    }
  }
  return true;
}

} // namespace caro::backends::static_matcher
