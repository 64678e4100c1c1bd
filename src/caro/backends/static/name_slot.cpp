// File-name phrases: "named X", "called X", "with X in the name",
// "starting with X", "ending in X", a bare glob ("*.log"), and "any
// extension" after a name. The value is the user's text; only the glob
// around it comes from the phrase.

#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// A value token: quoted text, a path-like token or a plain word that is not
// part of the request's grammar.
std::optional<std::string> value_at(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.used(i)) {
    return std::nullopt;
  }
  const Token& token = analysis.at(i);
  if (token.kind == TokenKind::quoted || token.kind == TokenKind::path) {
    if (token.text.empty() || token.text.find('/') != std::string::npos) {
      return std::nullopt;
    }
    return token.text;
  }
  if (token.kind == TokenKind::number) {
    return token.text;
  }
  if (is_filler(token.text) || is_guard(token.text) || token.text == "file" || token.text == "dir") {
    return std::nullopt;
  }
  // The name as typed: the folded word is for matching ("photos" folds onto
  // "image"), never a value to put in a command.
  return token.raw.empty() ? token.text : token.raw;
}

bool has_glob(const std::string& text)
{
  return text.find_first_of("*?[") != std::string::npos;
}

// "with spaces in the name": the character, not the word.
std::string name_fragment(const std::string& value)
{
  std::string lower = value;
  for (char& c : lower) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (lower == "space" || lower == "spaces" || lower == "whitespace" || lower == "blank" || lower == "blanks") {
    return " ";
  }
  return value;
}

// The glob for names containing `value` (already a glob: as typed).
std::string containing_glob(const std::string& value)
{
  if (has_glob(value)) {
    return value;
  }
  // Appended piece by piece: "*" + x + "*" trips g++ 12's false -Wrestrict.
  std::string glob = "*";
  glob += name_fragment(value);
  glob += '*';
  return glob;
}

bool negated_before(const Analysis& analysis, std::size_t i)
{
  return i > 0 && analysis.is_any(i - 1, {"not", "non"});
}

// "(whose) name(s)" before "starts with" belongs to the phrase.
std::size_t with_name_subject(const Analysis& analysis, std::size_t verb)
{
  std::size_t first = verb;
  if (first > 0 && analysis.is_any(first - 1, {"name", "names", "filename", "filenames"})) {
    --first;
    if (first > 0 && analysis.is(first - 1, "whose")) {
      --first;
    }
  }
  return first;
}

void set_name(Analysis& analysis, Slots& slots, std::string pattern, std::size_t first, std::size_t last_exclusive)
{
  if (slots.name) {
    slots.unsupported.push_back("more than one name pattern");
    return;
  }
  NamePattern name;
  name.pattern = std::move(pattern);
  if (negated_before(analysis, first)) {
    name.negated = true;
    analysis.use(first - 1);
  }
  analysis.use_range(first, last_exclusive);
  slots.name = std::move(name);
}

} // namespace

void extract_name(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    // "named X", "called X", "with the name X", "whose name is X"
    {
      std::size_t j = i;
      if (analysis.is_any(j, {"named", "called"})) {
        ++j;
      } else if (analysis.phrase_at(j, {"with", "the", "name"}) || analysis.phrase_at(j, {"whose", "name", "is"})) {
        j += 3;
      } else if (analysis.phrase_at(j, {"with", "name"})) {
        j += 2;
      } else {
        j = i;
      }
      if (j != i) {
        if (auto value = value_at(analysis, j)) {
          std::string pattern = *value;
          std::size_t end = j + 1;
          // "named config, any extension" / "config with any extension"
          std::size_t k = end;
          while (analysis.is_any(k, {"with", "and", "of"})) {
            ++k;
          }
          if (analysis.is(k, "any") && analysis.is_any(k + 1, {"extension", "extensions", "ext"})) {
            if (pattern.find('.') == std::string::npos && !has_glob(pattern)) {
              pattern += ".*";
            }
            analysis.use_range(end, k + 2);
          }
          set_name(analysis, slots, pattern, i, end);
          continue;
        }
      }
    }
    // "(with|containing|having|that have|that contain) X in (its|their|the) name"
    if (analysis.is_any(i, {"with", "containing", "having", "contain", "contains", "have", "has", "including"})) {
      if (auto value = value_at(analysis, i + 1)) {
        std::size_t j = i + 2;
        if (analysis.is(j, "in")) {
          ++j;
          if (analysis.is_any(j, {"its", "their", "the", "it", "them"})) {
            ++j;
          }
          if (analysis.is_any(j, {"name", "names", "filename", "filenames"})) {
            set_name(analysis, slots, containing_glob(*value), i, j + 1);
            continue;
          }
        }
      }
    }
    // "(whose) name(s) contain(s|ing) X"
    if (analysis.is_any(i, {"name", "names", "filename", "filenames"}) &&
        analysis.is_any(i + 1, {"contain", "contains", "containing", "with", "including", "includes", "include"})) {
      if (auto value = value_at(analysis, i + 2)) {
        const std::size_t first = i > 0 && analysis.is(i - 1, "whose") ? i - 1 : i;
        set_name(analysis, slots, containing_glob(*value), first, i + 3);
        continue;
      }
    }
    // "(starting|beginning) with X", "(ending) (with|in) X"
    if (analysis.is_any(i, {"starting", "beginning", "start", "starts", "begin", "begins"}) &&
        analysis.is(i + 1, "with")) {
      if (auto value = value_at(analysis, i + 2)) {
        set_name(analysis, slots, *value + "*", with_name_subject(analysis, i), i + 3);
        continue;
      }
    }
    if (analysis.is_any(i, {"ending", "end", "ends"}) && analysis.is_any(i + 1, {"with", "in"})) {
      if (auto value = value_at(analysis, i + 2)) {
        set_name(analysis, slots, "*" + *value, with_name_subject(analysis, i), i + 3);
        continue;
      }
    }
    // A bare glob the user typed: "*.log", "report-*.csv".
    if (analysis.is_kind(i, TokenKind::path) && has_glob(analysis.at(i).text) &&
        analysis.at(i).text.find('/') == std::string::npos) {
      set_name(analysis, slots, analysis.at(i).text, i, i + 1);
    }
  }
}

} // namespace caro::backends::static_matcher
