// Duplicate files by content: checksum every file under the directory, sort
// by checksum and print the groups whose checksums repeat. GNU only: the
// grouping relies on `uniq -w32 -D` (compare the 32 hex digits of an MD5
// sum, print every member of a group), which BSD and BusyBox uniq lack.

#include "caro/backends/static/intent.h"

namespace caro::backends::static_matcher {

std::optional<Match> match_duplicate_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool duplicates = take_all(analysis, {"duplicate", "duplicates", "duplicated", "identical", "dupes"}) > 0 ||
                          analysis.take_phrases({{"same", "content"}, {"same", "contents"}});
  if (!duplicates || !dialect.gnu() || slots.time || slots.size_min || slots.size_max || slots.name ||
      !slots.exclusions.empty() || !slots.extensions.empty() || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  const auto directory =
      slots.locations.empty() ? std::optional<std::string>(".") : single_location(slots, true, true, false);
  if (!directory || looks_like_file(*directory)) {
    return std::nullopt;
  }
  analysis.take_phrases({{"by", "content"}, {"by", "contents"}, {"with", "the", "same", "content"}});
  take_all(analysis, {"find", "list", "show", "file",   "which", "are",    "the",  "any",  "all",   "in",
                      "that", "have", "with", "search", "look",  "detect", "spot", "each", "other", "of"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = "find " + dialect.path(*directory) + " -type f -exec md5sum {} + | sort | uniq -w32 -D";
  match.explanation = "List the files under " + *directory + " whose contents are identical (same MD5 sum), grouped";
  return match;
}

} // namespace caro::backends::static_matcher
