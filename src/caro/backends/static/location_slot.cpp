// Location phrases: "in /var/log", "under src", "in my home dir", "here",
// "the current directory", "the scripts folder", and bare paths
// ("logs/app.log"). Each location records the preposition's role (in, into,
// bare) so that intents can tell a source from a destination.

#include "caro/backends/static/file_types.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/vocabulary.h"

namespace caro::backends::static_matcher {
namespace {

bool is_in_preposition(const Analysis& analysis, std::size_t i)
{
  // "of" introduces a place only after nouns like "size of X"; "pid of nginx"
  // and "occurrences of ERROR" name other things.
  if (analysis.is(i, "of")) {
    return i > 0 && i - 1 < analysis.size() && analysis.at(i - 1).kind == TokenKind::word &&
           (analysis.at(i - 1).text == "size" || analysis.at(i - 1).text == "sizes" ||
            analysis.at(i - 1).text == "usage" || analysis.at(i - 1).text == "contents" ||
            analysis.at(i - 1).text == "content" || analysis.at(i - 1).text == "space" ||
            analysis.at(i - 1).text == "dir" || analysis.at(i - 1).text == "subdir" ||
            analysis.at(i - 1).text == "tarball" || analysis.at(i - 1).text == "archive" ||
            analysis.at(i - 1).text == "backup");
  }
  return analysis.is_any(i, {"in", "under", "inside", "within", "from", "at", "on", "beneath", "throughout"});
}

bool is_into_preposition(const Analysis& analysis, std::size_t i)
{
  return analysis.is_any(i, {"into", "to"});
}

// The role given by the preposition before `first` (skipping "the"/"my"),
// marking the preposition used. Returns the first token of the phrase.
std::size_t claim_preposition(Analysis& analysis, std::size_t first, Location::Role& role)
{
  role = Location::Role::bare;
  std::size_t start = first;
  while (start > 0 && analysis.is_any(start - 1, {"the", "my", "our", "this"})) {
    --start;
  }
  if (start > 0 && is_in_preposition(analysis, start - 1)) {
    role = Location::Role::in;
    --start;
  } else if (start > 0 && is_into_preposition(analysis, start - 1)) {
    role = Location::Role::into;
    --start;
  }
  return start;
}

void add(Analysis& analysis, Slots& slots, std::string path, std::size_t first, std::size_t last_exclusive)
{
  Location location;
  const std::size_t start = claim_preposition(analysis, first, location.role);
  location.path = std::move(path);
  analysis.use_range(start, last_exclusive);
  slots.locations.push_back(std::move(location));
}

// "(the) (current|this|working|present) (working) dir", "here", "cwd".
std::size_t here_length(const Analysis& analysis, std::size_t i)
{
  if (analysis.is_any(i, {"here", "cwd"})) {
    return 1;
  }
  if (analysis.is_any(i, {"this", "the"}) && analysis.is_any(i + 1, {"project", "codebase"})) {
    return 2;
  }
  if (analysis.is_any(i, {"current", "this", "working", "present"})) {
    std::size_t j = i + 1;
    if (analysis.is(j, "working")) {
      ++j;
    }
    if (analysis.is(j, "dir")) {
      return j + 1 - i;
    }
  }
  return 0;
}

} // namespace

void extract_locations(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    const Token& token = analysis.at(i);
    if (token.kind == TokenKind::path && looks_like_domain(token.text)) {
      Location::Role role = Location::Role::bare;
      const std::size_t start = claim_preposition(analysis, i, role);
      analysis.use_range(start, i + 1);
      slots.hosts.push_back(token.text);
      continue;
    }
    if (token.kind == TokenKind::path) {
      add(analysis, slots, token.text, i, i + 1);
      continue;
    }
    // A quoted path after a preposition: "in '/tmp/a b'", "lines in 'my notes.txt'".
    if (token.kind == TokenKind::quoted && !token.text.empty()) {
      std::size_t before = i;
      while (before > 0 && analysis.is(before - 1, "the")) {
        --before;
      }
      if (before > 0 && (is_in_preposition(analysis, before - 1) || is_into_preposition(analysis, before - 1))) {
        add(analysis, slots, token.text, i, i + 1);
      }
      continue;
    }
    if (token.kind != TokenKind::word) {
      continue;
    }
    if (const std::size_t length = here_length(analysis, i)) {
      add(analysis, slots, ".", i, i + length);
      continue;
    }
    // "the root filesystem|partition|drive"
    if (token.text == "root" && analysis.is_any(i + 1, {"filesystem", "fs", "partition", "drive", "volume", "disk"})) {
      add(analysis, slots, "/", i, i + 2);
      continue;
    }
    // "in|on|across the whole|entire system|filesystem|computer|disk": the
    // root. Only after a preposition: "update the whole system" is no place.
    if (analysis.is_any(i, {"whole", "entire"}) &&
        analysis.is_any(i + 1, {"system", "filesystem", "fs", "computer", "machine", "disk", "drive"})) {
      std::size_t before = i;
      while (before > 0 && analysis.is(before - 1, "the")) {
        --before;
      }
      if (before > 0 && analysis.is_any(before - 1, {"in", "on", "across", "throughout", "from", "of"})) {
        Location location;
        location.role = Location::Role::in;
        location.path = "/";
        analysis.use_range(before - 1, i + 2);
        slots.locations.push_back(std::move(location));
        continue;
      }
    }
    // "my home (dir)", "home dir", "in home"
    if (token.text == "home") {
      const bool mine = i > 0 && analysis.is_any(i - 1, {"my", "the"});
      const bool noun = analysis.is(i + 1, "dir");
      const bool after_preposition = i > 0 && (is_in_preposition(analysis, i - 1) || analysis.is(i - 1, "my"));
      if (mine || noun || after_preposition) {
        add(analysis, slots, "~", i, i + (noun ? 2 : 1));
        continue;
      }
    }
    // "in the folder src", "the directory old-build": the noun comes first.
    if ((token.text == "dir" || token.text == "subdir") && i >= 1 &&
        (analysis.is_any(i - 1, {"the", "my", "our"}) || is_in_preposition(analysis, i - 1) ||
         is_into_preposition(analysis, i - 1) ||
         // "copy folder src to dest": a file-operation verb right before.
         analysis.is_any(i - 1, {"copy", "cp", "move", "mv", "rename", "delete", "remove", "rm", "zip", "compress",
                                 "archive", "backup", "tar"})) &&
        analysis.is_kind(i + 1, TokenKind::word) && !is_non_location(analysis.at(i + 1).text) &&
        !analysis.is_any(i + 1, {"itself", "structure", "tree", "too", "also", "instead", "as", "called", "named"}) &&
        is_plain_name(analysis.at(i + 1).raw) &&
        !(i + 2 < analysis.size() && analysis.at(i + 2).kind == TokenKind::word &&
          is_file_noun(analysis.at(i + 2).text))) {
      add(analysis, slots, analysis.at(i + 1).raw, i, i + 2);
      ++i;
      continue;
    }
    // "in|under (the) WORD (dir)" and "(the) WORD dir"
    const bool noun = analysis.is_any(i + 1, {"dir", "subdir"});
    if ((is_non_location(token.text) && !(noun && is_manner_word(token.text) && !is_guard(token.text))) ||
        !is_plain_name(token.raw)) {
      continue;
    }
    std::size_t before = i;
    while (before > 0 && analysis.is_any(before - 1, {"the", "my", "our"})) {
      --before;
    }
    const bool after_preposition =
        before > 0 && (is_in_preposition(analysis, before - 1) || is_into_preposition(analysis, before - 1));
    if (!noun && !after_preposition) {
      continue;
    }
    // "in python files" is a type, not a directory called python.
    if (!noun && lookup_file_type(token.text) && i + 1 < analysis.size() &&
        analysis.at(i + 1).kind == TokenKind::word && is_file_noun(analysis.at(i + 1).text)) {
      continue;
    }
    add(analysis, slots, token.raw, i, i + (noun ? 2 : 1));
  }
}

} // namespace caro::backends::static_matcher
