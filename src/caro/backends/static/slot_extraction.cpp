// The order slot extractors run in, and the small extractors that need no
// file of their own (case, depth, port, count, leftover quoted strings).

#include "caro/backends/static/slot_extraction.h"

#include "caro/backends/static/vocabulary.h"

#include <cmath>

namespace caro::backends::static_matcher {

std::optional<long long> integer_at(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.used(i)) {
    return std::nullopt;
  }
  const Token& token = analysis.at(i);
  if (token.kind == TokenKind::number) {
    if (token.value != std::floor(token.value) || token.value > 1e12) {
      return std::nullopt;
    }
    return static_cast<long long>(token.value);
  }
  if (token.kind == TokenKind::word) {
    return number_word(token.text);
  }
  return std::nullopt;
}

unsigned present_slots(const Slots& slots)
{
  unsigned mask = 0;
  mask |= (slots.size_min || slots.size_max) ? slot_size : 0U;
  mask |= slots.time ? slot_time : 0U;
  mask |= slots.extensions.empty() ? 0U : slot_type;
  mask |= slots.name ? slot_name : 0U;
  mask |= slots.locations.empty() ? 0U : slot_location;
  mask |= slots.exclusions.empty() ? 0U : slot_exclusion;
  mask |= slots.count ? slot_count : 0U;
  mask |= slots.port ? slot_port : 0U;
  mask |= slots.quoted.empty() ? 0U : slot_quoted;
  mask |= slots.case_insensitive ? slot_case : 0U;
  mask |= slots.depth_one ? slot_depth : 0U;
  mask |= slots.hosts.empty() ? 0U : slot_host;
  mask |= slots.owner ? slot_owner : 0U;
  return mask;
}

void extract_case_insensitivity(Analysis& analysis, Slots& slots)
{
  const bool found = analysis.take_phrase({"case", "insensitive"}) || analysis.take_phrase({"case", "insensitively"}) ||
                     analysis.take_phrase({"ignoring", "the", "case"}) || analysis.take_phrase({"ignoring", "case"}) ||
                     analysis.take_phrase({"ignore", "the", "case"}) || analysis.take_phrase({"ignore", "case"}) ||
                     analysis.take_phrase({"any", "capitalization"}) || analysis.take_phrase({"any", "case"}) ||
                     analysis.take_phrase({"regardless", "of", "case"}) ||
                     analysis.take_phrase({"upper", "or", "lower", "case"}) ||
                     analysis.take_phrase({"uppercase", "or", "lowercase"}) || analysis.take_phrase({"insensitive"});
  slots.case_insensitive = found;
}

void extract_depth(Analysis& analysis, Slots& slots)
{
  bool found = false;
  // Markers that say "do not descend"; the location words stay for
  // extract_locations ("current directory" still means ".").
  for (auto phrase : {std::initializer_list<std::string_view>{"not", "in", "subdir"},
                      std::initializer_list<std::string_view>{"not", "in", "any", "subdir"},
                      std::initializer_list<std::string_view>{"not", "into", "subdir"},
                      std::initializer_list<std::string_view>{"not", "subdir"},
                      std::initializer_list<std::string_view>{"no", "subdir"},
                      std::initializer_list<std::string_view>{"without", "subdir"},
                      std::initializer_list<std::string_view>{"not", "recursive"},
                      std::initializer_list<std::string_view>{"not", "recursively"},
                      std::initializer_list<std::string_view>{"non", "recursive"},
                      std::initializer_list<std::string_view>{"non", "recursively"},
                      std::initializer_list<std::string_view>{"do", "not", "recurse"},
                      std::initializer_list<std::string_view>{"top", "level", "only"},
                      std::initializer_list<std::string_view>{"only", "top", "level"}}) {
    found = analysis.take_phrase(phrase) || found;
  }
  // "only"/"just" next to "this/current directory" or "here".
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (!analysis.is_any(i, {"only", "just"})) {
      continue;
    }
    std::size_t j = i + 1;
    while (analysis.is_any(j, {"in", "the"})) {
      ++j;
    }
    const bool before =
        analysis.phrase_at(j, {"this", "dir"}) || analysis.phrase_at(j, {"current", "dir"}) || analysis.is(j, "here");
    const bool after = i >= 1 && (analysis.phrase_at(i - 1, {"here"}) ||
                                  (i >= 2 && analysis.is(i - 1, "dir") && analysis.is_any(i - 2, {"this", "current"})));
    if (before || after) {
      analysis.use(i);
      found = true;
    }
  }
  slots.depth_one = found;
}

void extract_port(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
    if (analysis.is(i, "port") && analysis.is_number(i + 1)) {
      const auto value = integer_at(analysis, i + 1);
      if (value && *value > 0 && *value < 65536) {
        slots.port = *value;
        analysis.use_range(i, i + 2);
        return;
      }
    }
  }
}

void extract_count_and_quoted(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is_kind(i, TokenKind::quoted)) {
      slots.quoted.push_back(analysis.at(i).text);
      analysis.use(i);
    }
  }
  // One whole number left over is a count ("top 5", "last 3 commits");
  // two are ambiguous and stay unexplained.
  std::optional<std::size_t> at;
  int numbers = 0;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is_number(i)) {
      ++numbers;
      at = i;
    }
  }
  if (numbers == 1) {
    if (auto value = integer_at(analysis, *at); value && *value > 0 && *value <= 100000) {
      slots.count = *value;
      analysis.use(*at);
    }
    return;
  }
  if (numbers > 1) {
    return;
  }
  // With no digits, a number word is a count where a count is plainly meant:
  // "five times", "top three processes", "last two commits". Elsewhere
  // ("compare two files", "one of them") it stays a word.
  if (!analysis.may_contain_any({"times", "pings", "packets", "commits", "commit", "lines", "line", "processes",
                                 "process", "entries", "results", "top", "last", "first", "latest"})) {
    return;
  }
  std::optional<std::size_t> word_at;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (!analysis.is_kind(i, TokenKind::word)) {
      continue;
    }
    const bool counted_noun = analysis.is_any(i + 1, {"times", "pings", "packets", "commits", "commit", "lines", "line",
                                                      "processes", "process", "entries", "results"});
    const bool ranking = i > 0 && analysis.is_any(i - 1, {"top", "last", "first", "latest"});
    if (!counted_noun && !ranking) {
      continue;
    }
    const auto value = number_word(analysis.at(i).text);
    if (!value || *value < 2) {
      continue;
    }
    if (word_at) {
      return; // two counts: ambiguous
    }
    word_at = i;
  }
  if (word_at) {
    slots.count = *number_word(analysis.at(*word_at).text);
    analysis.use(*word_at);
  }
}

Slots extract_slots(Analysis& analysis)
{
  Slots slots;
  extract_case_insensitivity(analysis, slots);
  extract_depth(analysis, slots);
  extract_time(analysis, slots);
  extract_size(analysis, slots);
  extract_port(analysis, slots);
  extract_owner(analysis, slots);
  extract_name(analysis, slots);
  extract_exclusions(analysis, slots);
  extract_file_types(analysis, slots);
  extract_locations(analysis, slots);
  extract_count_and_quoted(analysis, slots);
  return slots;
}

} // namespace caro::backends::static_matcher
