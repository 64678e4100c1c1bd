// Splitting a file into pieces of N lines: "split data/words.txt into 50 line
// pieces" -> `split -l 50 data/words.txt`. The pieces' names are split's
// own (PREFIXaa, PREFIXab...); a request that names them ("named part_aa,
// part_ab and so on", "with the prefix part_") sets the prefix. Pieces by
// size are left to other backends: "100MB chunks" carries no comparison and
// split's size suffixes differ between platforms.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// "part_aa" -> "part_": split's first suffix is "aa".
std::optional<std::string> prefix_of_first_piece(const std::string& name)
{
  if (name.size() < 3 || !name.ends_with("aa") || name.find_first_of("*?[/") != std::string::npos) {
    return std::nullopt;
  }
  return name.substr(0, name.size() - 2);
}

} // namespace

std::optional<Match> match_split_file(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"split", "chop", "cut"}) == 0 || !slots.count || slots.locations.size() != 1 || slots.time ||
      slots.size_min || slots.size_max || !slots.exclusions.empty() || !slots.extensions.empty() ||
      !slots.quoted.empty()) {
    return std::nullopt;
  }
  const Location& source = slots.locations.front();
  if (source.role == Location::Role::into || !looks_like_file(source.path)) {
    return std::nullopt;
  }
  // The number must be a line count: "50 line pieces", "1000 lines each".
  bool lines = false;
  for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
    if (analysis.at(i).kind == TokenKind::number && analysis.is(i + 1, "line")) {
      analysis.use(i + 1);
      lines = true;
    }
  }
  if (!lines) {
    return std::nullopt;
  }
  std::string prefix;
  unsigned accepted = slot_location | slot_count;
  if (slots.name) {
    auto first = prefix_of_first_piece(slots.name->pattern);
    if (!first || slots.name->negated) {
      return std::nullopt;
    }
    prefix = *first;
    accepted |= slot_name;
    // "part_aa, part_ab and so on": the following names only illustrate.
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      const Token& token = analysis.at(i);
      if (!analysis.used(i) && (token.kind == TokenKind::word || token.kind == TokenKind::path) &&
          token.raw.size() == prefix.size() + 2 && token.raw.starts_with(prefix)) {
        analysis.use(i);
      }
    }
    analysis.take_phrases({{"and", "so", "on"}, {"etc"}, {"and", "so", "forth"}});
  }
  take_all(analysis, {"into", "in", "pieces", "piece", "chunks", "chunk", "parts", "part", "file", "each", "of", "with",
                      "every", "up", "the", "smaller", "separate"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = accepted;
  match.command = "split -l " + std::to_string(*slots.count) + " " + dialect.path(source.path) +
                  (prefix.empty() ? std::string() : " " + dialect.quote(prefix));
  match.explanation = "Split " + source.path + " into files of " + std::to_string(*slots.count) + " lines (" +
                      (prefix.empty() ? std::string("x") : prefix) + "aa, " + (prefix.empty() ? "x" : prefix) +
                      "ab, ...)";
  return match;
}

} // namespace caro::backends::static_matcher
