// Directory listing with ls: hidden entries (-a), long format (-l), sorting
// by size (-S) or time (-t), reversed (-r), human-readable sizes (-h), and
// "the N most recent" (ls -t | head). Flags are the same on GNU, BSD and
// BusyBox ls.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {

std::optional<Match> match_list_directory(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool ls = take_all(analysis, {"ls"}) > 0;
  const bool list_verb = analysis.mentions({"list"});
  // cat, print and read are about a file's contents ("print the home
  // directory" is its path, not a listing).
  const bool cat = take_all(analysis, {"cat", "print", "read"}) > 0;
  const bool verb = take_all(analysis, {"list", "show", "display", "view", "what", "see"}) > 0;
  const bool contents = take_all(analysis, {"contents", "content", "everything", "items", "entries"}) > 0;
  // "the newest file" is one entry, "the newest files" a sorted list.
  const bool one_file = typed_singular(analysis, {"file"});
  const bool file_word = take_all(analysis, {"file"}) > 0;
  const bool dir_word = take_all(analysis, {"dir", "subdir"}) > 0;
  const bool hidden = take_all(analysis, {"hidden", "dotfiles", "dotfile"}) > 0;
  take_all(analysis, {"including", "include", "includes", "too", "also", "all", "the", "in", "of", "with", "are"});
  const bool long_format = take_all(analysis, {"long", "detail", "details", "detailed", "permissions"}) > 0;
  const bool human = analysis.take_phrase({"human", "readable"});

  const bool smallest_first = analysis.mentions({"smallest"});
  const bool oldest_first = analysis.mentions({"oldest"});
  const bool by_size = analysis.take_phrases(
      {{"by", "size"}, {"largest", "first"}, {"biggest", "first"}, {"smallest", "first"}, {"size", "order"}});
  bool by_time = analysis.take_phrases({{"by", "modification", "time"},
                                        {"by", "modification", "date"},
                                        {"by", "time"},
                                        {"by", "date"},
                                        {"newest", "first"},
                                        {"latest", "first"},
                                        {"oldest", "first"},
                                        {"most", "recent", "first"}});
  const bool most_recent = analysis.take_phrases(
      {{"most", "recently", "modified"}, {"most", "recently", "changed"}, {"most", "recent"}, {"latest"}, {"newest"}});
  by_time = by_time || most_recent;
  const bool reverse = take_all(analysis, {"reverse", "reversed", "ascending"}) > 0;
  if (by_size || by_time) {
    take_all(analysis, {"sorted", "sort", "order", "ordered"});
  }
  if (by_size && by_time) {
    return std::nullopt;
  }
  if (!(ls ||
        ((verb || contents || cat) && (file_word || contents || hidden || dir_word || slots.locations.size() == 1)) ||
        (most_recent && file_word))) {
    return std::nullopt;
  }
  if (dir_word && file_word) {
    return std::nullopt;
  }

  std::string path;
  if (!slots.locations.empty()) {
    auto location = single_location(slots, true, true, false);
    if (!location) {
      return std::nullopt;
    }
    if (*location != ".") {
      path = *location;
    }
  }
  const std::string where = path.empty() ? "the current directory" : path;

  // "show config.yaml", "the contents of notes.txt": a file's contents, not
  // its directory entry ("list config.yaml" is still ls's).
  if (cat && (path.empty() || !looks_like_file(path))) {
    return std::nullopt;
  }
  if (!path.empty() && looks_like_file(path) && !ls && !list_verb && !dir_word && !file_word && !hidden &&
      !long_format && !human && !by_size && !by_time && !reverse && !slots.count) {
    take_all(analysis, {"is", "in", "inside", "me", "file"});
    Match contents_match;
    contents_match.accepted_slots = slot_location;
    contents_match.strength = 0.9;
    contents_match.command = "cat " + dialect.path(path);
    contents_match.explanation = "Print the contents of " + path;
    return contents_match;
  }

  Match match;
  match.accepted_slots = slot_location;
  match.strength = ls ? 0.95 : (file_word || contents ? 0.9 : 0.8);

  if (dir_word) {
    // Only the subdirectories: the trailing slash makes the glob match directories.
    take_all(analysis, {"only", "just"});
    if (hidden || by_size || by_time || slots.count) {
      return std::nullopt;
    }
    match.command = "ls -d " + (path.empty() ? std::string() : dialect.path(path) + "/") + "*/";
    match.explanation = "List the subdirectories of " + where;
    return match;
  }

  const bool reversed = reverse || (by_size && smallest_first) || (by_time && oldest_first);
  const std::optional<std::int64_t> count =
      slots.count ? slots.count : (most_recent && one_file ? 1 : std::optional<std::int64_t>());
  if (count) {
    if (!(by_size || by_time) || long_format || hidden) {
      return std::nullopt;
    }
    match.accepted_slots |= slot_count;
    std::string flags = std::string("-") + (by_size ? "S" : "t") + (reversed ? "r" : "");
    match.command = "ls " + flags;
    if (!path.empty()) {
      match.command += ' ';
      match.command += dialect.path(path);
    }
    match.command += " | head -n " + std::to_string(*count);
    match.explanation = *count == 1 && !slots.count
                            ? "Show the most recently modified entry of " + where
                            : "List the first " + std::to_string(*count) + " entries of " + where + " sorted by " +
                                  (by_size ? "size" : "modification time") + (reversed ? ", reversed" : "");
    return match;
  }

  std::string flags;
  if (long_format || hidden || by_size || by_time || human) {
    flags += "l";
  }
  if (hidden) {
    flags += "a";
  }
  if (human) {
    flags += "h";
  }
  if (by_size) {
    flags += "S";
  }
  if (by_time) {
    flags += "t";
  }
  if (reversed) {
    flags += "r";
  }
  match.command = "ls";
  if (!flags.empty()) {
    match.command += " -";
    match.command += flags;
  }
  if (!path.empty()) {
    match.command += ' ';
    match.command += dialect.path(path);
  }
  match.explanation = "List " + std::string(hidden ? "all entries, hidden ones included," : "the entries") + " in " +
                      where + (by_size ? " sorted by size" : "") + (by_time ? " sorted by modification time" : "") +
                      (reversed ? ", reversed" : "") + (flags.empty() ? "" : " with details");
  return match;
}

} // namespace caro::backends::static_matcher
