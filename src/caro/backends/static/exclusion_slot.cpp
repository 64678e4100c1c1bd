// Exclusion phrases: "excluding node_modules", "except the ones in .git",
// "skip the tests folder and .venv", "ignore node_modules". Only directory
// names or paths are accepted as targets; an exclusion verb with any other
// target is left unexplained, which makes the matcher decline instead of
// silently dropping the exclusion.

#include "caro/backends/static/file_types.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/vocabulary.h"

#include <array>

namespace caro::backends::static_matcher {
namespace {

// Words between the verb and its target: "except (for) (the ones) (in) X".
bool is_bridge(const Analysis& analysis, std::size_t i)
{
  return analysis.is_any(i, {"the",    "ones", "one", "any",  "in",       "inside",     "under",
                             "within", "from", "for", "file", "anything", "everything", "stuff",
                             "those",  "that", "are", "is",   "what",     "things"});
}

// Directory names common enough to be recognised without "folder" after them.
bool is_well_known_directory(std::string_view word)
{
  static constexpr std::array<std::string_view, 24> k_names = {
      "node_modules", "vendor", "build",   "dist",  "target", "tests",       "test",     "docs",
      "venv",         "env",    "tmp",     "cache", "bin",    "obj",         "out",      "logs",
      "backups",      "backup", "archive", "src",   "lib",    "__pycache__", "coverage", "deps"};
  for (auto name : k_names) {
    if (name == word) {
      return true;
    }
  }
  return false;
}

// `after_in`: the phrase said "the ones in X", so X is a place.
std::optional<std::string> target_at(const Analysis& analysis, std::size_t i, bool after_in)
{
  if (i >= analysis.size() || analysis.used(i)) {
    return std::nullopt;
  }
  const Token& token = analysis.at(i);
  if (token.kind == TokenKind::path && token.text.find_first_of("*?[") == std::string::npos &&
      token.text.front() != '~') {
    std::string path = token.text;
    while (path.size() > 1 && path.back() == '/') {
      path.pop_back();
    }
    if (path.starts_with("./")) {
      path.erase(0, 2);
    }
    return path;
  }
  if (token.kind != TokenKind::word || is_non_location(token.text) || token.text == "dir" || token.text == "subdir") {
    return std::nullopt;
  }
  // "except python files" would be a type exclusion, not a directory.
  if (lookup_file_type(token.text) && i + 1 < analysis.size() && analysis.at(i + 1).kind == TokenKind::word &&
      is_file_noun(analysis.at(i + 1).text)) {
    return std::nullopt;
  }
  bool plain_word = true;
  for (char c : token.text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok) {
      return std::nullopt;
    }
    plain_word = plain_word && c >= 'a' && c <= 'z';
  }
  // A plain word is a directory only when the phrase says so ("the tests
  // folder", "the ones in vendor") or it is a well-known directory name;
  // "except the big ones" is not about a directory.
  const bool noun_follows = analysis.is_any(i + 1, {"dir", "subdir"});
  if (plain_word && !noun_follows && !after_in && !is_well_known_directory(token.text)) {
    return std::nullopt;
  }
  return token.raw;
}

std::size_t verb_length(const Analysis& analysis, std::size_t i)
{
  if (analysis.phrase_at(i, {"leave", "out"}) || analysis.phrase_at(i, {"leaving", "out"}) ||
      analysis.phrase_at(i, {"but", "not"}) || analysis.phrase_at(i, {"apart", "from"}) ||
      analysis.phrase_at(i, {"other", "than"}) || analysis.phrase_at(i, {"not", "in"}) ||
      analysis.phrase_at(i, {"not", "inside"}) || analysis.phrase_at(i, {"not", "under"})) {
    return 2;
  }
  if (analysis.is_any(i, {"excluding", "exclude", "except", "skip", "skipping", "ignore", "ignoring", "omit",
                          "omitting", "outside", "excludes", "minus"})) {
    return 1;
  }
  return 0;
}

} // namespace

void extract_exclusions(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const std::size_t verb = verb_length(analysis, i);
    if (verb == 0) {
      continue;
    }
    std::size_t j = i + verb;
    bool after_in = false;
    while (is_bridge(analysis, j)) {
      after_in = after_in || analysis.is_any(j, {"in", "inside", "under", "within"});
      ++j;
    }
    std::vector<std::string> targets;
    std::size_t end = j;
    while (auto target = target_at(analysis, j, after_in)) {
      targets.push_back(*target);
      ++j;
      if (analysis.is_any(j, {"dir", "subdir"})) {
        ++j;
      }
      end = j;
      if (analysis.is_any(j, {"and", "or", "nor"})) {
        ++j;
        while (analysis.is_any(j, {"the", "in", "any"})) {
          ++j;
        }
        continue;
      }
      break;
    }
    if (targets.empty()) {
      continue;
    }
    analysis.use_range(i, end);
    // "..., but skip X" / "and ignore X": the conjunction belongs to the exclusion.
    if (i > 0 && analysis.is_any(i - 1, {"but", "and"})) {
      analysis.use(i - 1);
    }
    for (auto& target : targets) {
      slots.exclusions.push_back(std::move(target));
    }
    i = end - 1;
  }
}

} // namespace caro::backends::static_matcher
