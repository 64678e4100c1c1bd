// Keyword classification of destructive requests. The request is lower-cased
// and split into words; polite or question prefixes ("please", "how do I")
// are skipped so that the first remaining word is the main verb. Only that
// verb counts: "find files I can delete" is a search, not a deletion.

#include "caro/safety/request_intent.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace caro::safety {

namespace {

std::vector<std::string> words_of(std::string_view request)
{
  std::vector<std::string> words;
  std::string word;
  for (const char raw : request) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '~' || c == '$' || c == '.' || c == '-' ||
        c == '_' || c == '*') {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  // A sentence's final full stop is not part of its last word.
  for (std::string& each : words) {
    while (each.size() > 1 && each.back() == '.') {
      each.pop_back();
    }
  }
  return words;
}

template<std::size_t N> bool one_of(const std::array<std::string_view, N>& list, std::string_view word)
{
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Skips "please", "can you", "i want to", "how do i", "sudo"...
std::size_t main_verb(const std::vector<std::string>& words)
{
  constexpr std::array<std::string_view, 22> k_fillers = {
      "please", "pls",  "can", "could", "would", "will", "you", "i",  "we",    "want", "need",
      "to",     "help", "me",  "how",   "do",    "just", "now", "go", "ahead", "and",  "sudo"};
  std::size_t i = 0;
  while (i < words.size() && one_of(k_fillers, words[i])) {
    ++i;
  }
  return i;
}

bool mentions(const std::vector<std::string>& words, std::size_t from, std::string_view word)
{
  return std::find(words.begin() + static_cast<std::ptrdiff_t>(std::min(from, words.size())), words.end(), word) !=
         words.end();
}

bool mentions_phrase(const std::vector<std::string>& words, std::size_t from, std::string_view first,
                     std::string_view second)
{
  for (std::size_t i = from; i + 1 < words.size(); ++i) {
    if (words[i] == first && words[i + 1] == second) {
      return true;
    }
  }
  return false;
}

bool mentions_disk(const std::vector<std::string>& words, std::size_t from)
{
  constexpr std::array<std::string_view, 14> k_disks = {"disk", "disks",     "drive",      "drives", "harddrive",
                                                        "ssd",  "hdd",       "nvme",       "sda",    "sdb",
                                                        "usb",  "partition", "partitions", "device"};
  for (std::size_t i = from; i < words.size(); ++i) {
    if (one_of(k_disks, words[i]) || words[i].starts_with("/dev/")) {
      return true;
    }
  }
  return mentions_phrase(words, from, "sd", "card");
}

bool mentions_home(const std::vector<std::string>& words, std::size_t from)
{
  return mentions(words, from, "home") || mentions(words, from, "~") || mentions(words, from, "~/") ||
         mentions(words, from, "$home");
}

bool mentions_whole_system(const std::vector<std::string>& words, std::size_t from)
{
  constexpr std::array<std::string_view, 8> k_wholes = {"system",     "computer", "machine", "server",
                                                        "filesystem", "root",     "/",       "/*"};
  for (std::size_t i = from; i < words.size(); ++i) {
    if (one_of(k_wholes, words[i])) {
      return true;
    }
  }
  return false;
}

bool sweeping(const std::vector<std::string>& words, std::size_t from)
{
  return mentions(words, from, "everything") || mentions_phrase(words, from, "all", "files") ||
         mentions_phrase(words, from, "all", "the") || mentions_phrase(words, from, "every", "file") ||
         mentions(words, from, "entire") || mentions(words, from, "whole") || mentions(words, from, "*");
}

} // namespace

RequestIntent classify_request(std::string_view request)
{
  const std::vector<std::string> words = words_of(request);
  const std::size_t verb_at = main_verb(words);
  if (verb_at >= words.size()) {
    return {};
  }
  const std::string& verb = words[verb_at];
  const std::size_t rest = verb_at + 1;

  constexpr std::array<std::string_view, 12> k_wipe_verbs = {"wipe",      "format",      "reformat", "erase",
                                                             "zero",      "shred",       "nuke",     "destroy",
                                                             "overwrite", "repartition", "blank",    "zap"};
  // Not "clear" or "empty": "clear everything" is usually the screen or a cache.
  constexpr std::array<std::string_view, 10> k_delete_verbs = {"delete", "remove",  "rm",    "erase", "wipe",
                                                               "nuke",   "destroy", "purge", "trash", "obliterate"};
  constexpr std::array<std::string_view, 5> k_kill_verbs = {"kill", "terminate", "end", "stop", "murder"};

  if (one_of(k_wipe_verbs, verb) && mentions_disk(words, rest)) {
    return {true, Risk::critical, "wipe or format a disk"};
  }
  if (one_of(k_delete_verbs, verb)) {
    if (mentions_home(words, rest) && (sweeping(words, rest) || mentions(words, rest, "my") ||
                                       mentions(words, rest, "directory") || mentions(words, rest, "folder"))) {
      // "delete my home folder", "remove everything in my home": but not
      // "delete the cache in my home".
      const bool narrowed = mentions(words, rest, "in") && !sweeping(words, rest);
      if (!narrowed) {
        return {true, Risk::critical, "delete a home directory"};
      }
    }
    if (sweeping(words, rest) && mentions_whole_system(words, rest)) {
      return {true, Risk::critical, "delete everything on the system"};
    }
    if (mentions_phrase(words, rest, "root", "directory") || mentions_phrase(words, rest, "root", "filesystem")) {
      return {true, Risk::critical, "delete the root filesystem"};
    }
    if (mentions(words, rest, "everything") || mentions_phrase(words, rest, "all", "files") ||
        mentions_phrase(words, rest, "every", "file")) {
      return {true, Risk::moderate, "delete files"};
    }
  }
  if (one_of(k_kill_verbs, verb) &&
      (mentions_phrase(words, rest, "all", "processes") || mentions_phrase(words, rest, "every", "process") ||
       (verb == "kill" && mentions(words, rest, "everything")))) {
    return {true, Risk::high, "kill every process"};
  }
  if ((verb == "fork" && mentions(words, rest, "bomb")) || mentions_phrase(words, verb_at, "fork", "bomb")) {
    return {true, Risk::critical, "run a fork bomb"};
  }
  return {};
}

std::optional<std::string> substitute_reason(const RequestIntent& intent, std::string_view command,
                                             const Assessment& assessment)
{
  if (!intent.destructive || assessment.risk >= intent.minimum) {
    return std::nullopt;
  }
  return "The request asks to " + intent.what + " (at least " + std::string(to_string(intent.minimum)) +
         " risk), but the command the backend offered, `" + std::string(command) + "`, is rated " +
         std::string(to_string(assessment.risk)) +
         ": it would not do what was asked, so caro shows no command rather than a harmless-looking substitute";
}

} // namespace caro::safety
