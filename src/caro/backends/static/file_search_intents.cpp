// File search intents: find with any mix of name, type, size, time and
// exclusions (optionally counted), and "the N largest files". Both go
// through the one find builder so every constraint is rendered the same way.

#include "caro/backends/static/find_builder.h"
#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

constexpr unsigned k_find_slots = slot_size | slot_time | slot_type | slot_name | slot_location | slot_exclusion |
                                  slot_case | slot_depth | slot_owner;

bool take_count_words(Analysis& analysis)
{
  const bool how_many = analysis.take_phrase({"how", "many"});
  const bool number_of = analysis.take_phrase({"total", "number", "of"}) || analysis.take_phrase({"number", "of"});
  const bool count = take_all(analysis, {"count"}) > 0;
  return how_many || number_of || count;
}

} // namespace

std::optional<Match> match_find_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool search_verb = take_all(analysis, {"find", "search", "locate", "where", "look"}) > 0;
  take_all(analysis, {"list", "show", "display", "get", "give", "which", "all", "any", "every", "there", "exist"});
  const bool counting = take_count_words(analysis);
  const bool file_word = take_all(analysis, {"file"}) > 0;
  // "every file (not folders)": regular files are already not directories.
  if (file_word) {
    analysis.take_phrases({{"not", "dir"}, {"no", "dir"}, {"not", "directories"}});
  }
  const bool dir_word = take_all(analysis, {"dir", "subdir"}) > 0;
  const bool link_word = take_all(analysis, {"symlink", "symlinks", "link", "links", "symbolic"}) > 0;
  const bool broken = take_all(analysis, {"broken", "dangling", "dead"}) > 0;
  const bool empty = take_all(analysis, {"empty"}) > 0;
  const bool hidden = take_all(analysis, {"hidden", "dotfiles", "dotfile"}) > 0;
  const bool everything = take_all(analysis, {"everything", "anything", "entries", "entry", "items"}) > 0;
  const bool recursive = take_all(analysis, {"recursive", "recursively"}) > 0;
  take_all(analysis, {"only", "just", "have", "that", "are", "were", "been", "was", "those", "ones", "the"});
  if (counting) {
    take_all(analysis, {"just", "only", "the", "number"});
  }

  FindSpec spec;
  unsigned accepted = k_find_slots;
  if (!fill_find_spec(slots, spec)) {
    // A bare file name is what to look for: "where is config.yaml".
    if (!(search_verb && slots.locations.size() == 1 && !slots.name &&
          slots.locations.front().role == Location::Role::bare &&
          slots.locations.front().path.find('/') == std::string::npos)) {
      return std::nullopt;
    }
    spec.name = NamePattern{slots.locations.front().path, false};
  }
  if (!spec.name && slots.quoted.size() == 1 && slots.quoted.front().find('.') != std::string::npos &&
      slots.quoted.front().find('/') == std::string::npos && search_verb) {
    spec.name = NamePattern{slots.quoted.front(), false};
    accepted |= slot_quoted;
  }
  if (hidden) {
    // "list everything, hidden files too" is a listing; ls -a answers it.
    const bool other_constraint = spec.name || !spec.extensions.empty() || slots.size_min || slots.size_max ||
                                  slots.time || empty || !slots.exclusions.empty() || recursive || dir_word;
    if (spec.name || (!search_verb && !other_constraint)) {
      return std::nullopt;
    }
    spec.name = NamePattern{".*", false};
  }

  const bool has_name = spec.name || !spec.extensions.empty();
  if (!(file_word || dir_word || link_word || has_name || everything)) {
    return std::nullopt;
  }
  const bool constraint = slots.size_min || slots.size_max || slots.time || has_name || empty || link_word ||
                          !slots.exclusions.empty() || slots.depth_one || recursive || slots.owner;
  if (!constraint && !search_verb && !counting) {
    return std::nullopt; // a plain "list files" is ls's
  }
  if (slots.case_insensitive && !has_name) {
    accepted &= ~static_cast<unsigned>(slot_case);
  }

  if (link_word) {
    spec.entry = broken ? FindSpec::Entry::broken_symlink : FindSpec::Entry::symlink;
  } else if (broken) {
    return std::nullopt;
  } else if (dir_word && !file_word) {
    spec.entry = FindSpec::Entry::dir;
  } else if (file_word) {
    spec.entry = FindSpec::Entry::file;
  } else if (everything || (spec.name && spec.extensions.empty())) {
    spec.entry = FindSpec::Entry::any;
  }
  spec.empty = empty;
  // '.*' also matches the starting point "." itself.
  spec.min_depth_one = hidden && spec.entry != FindSpec::Entry::file;

  auto built = build_find(spec, dialect);
  if (!built) {
    return std::nullopt;
  }
  Match match;
  match.accepted_slots = accepted;
  match.strength = search_verb || constraint ? 0.95 : 0.85;
  if (counting) {
    match.command = built->command + " | wc -l";
    match.explanation = "Count the " + built->description;
  } else {
    match.command = built->command;
    match.explanation = "Find " + built->description;
  }
  return match;
}

std::optional<Match> match_largest_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // "biggest first" and "by size" ask for a sorted listing, not a top N.
  if (!slots.count && (analysis.find_phrase({"biggest", "first"}) || analysis.find_phrase({"largest", "first"}) ||
                       analysis.find_phrase({"by", "size"}))) {
    return std::nullopt;
  }
  if (take_all(analysis, {"largest", "biggest", "heaviest", "big", "huge"}) == 0) {
    return std::nullopt;
  }
  // "the largest file" asks for one, "the largest files" for a list.
  const bool one = typed_singular(analysis, {"file"});
  if (take_all(analysis, {"file"}) == 0) {
    return std::nullopt;
  }
  take_all(analysis, {"top", "find", "list", "show", "the", "with", "their", "size", "sizes", "byte", "bytes", "first",
                      "sorted", "by", "order", "in", "which", "are", "most"});
  FindSpec spec;
  if (!fill_find_spec(slots, spec)) {
    return std::nullopt;
  }
  const auto count = slots.count.value_or(one ? 1 : 10);
  auto built = build_find(spec, dialect);
  if (!built) {
    return std::nullopt;
  }
  std::string listing;
  if (dialect.gnu()) {
    listing = " -printf '%s %p\\n'";
  } else if (dialect.bsd()) {
    listing = " -exec stat -f '%z %N' " + dialect.placeholder() + " +";
  } else {
    listing = " -exec stat -c '%s %n' " + dialect.placeholder() + " +";
  }
  Match match;
  match.command = built->command + listing + " | sort -rn | head -n " + std::to_string(count);
  match.explanation =
      count == 1 && !slots.count
          ? "Show the largest of the " + built->description + ", size in bytes first"
          : "Show the " + std::to_string(count) + " largest " + built->description + ", size in bytes first";
  match.strength = 0.92;
  match.accepted_slots = k_find_slots | slot_count;
  return match;
}

} // namespace caro::backends::static_matcher
