// Word lists for the static matcher. Sorted arrays searched with
// std::binary_search: no allocation, nothing built at start-up.

#include "caro/backends/static/vocabulary.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace caro::backends::static_matcher {
namespace {

template<std::size_t N> bool contains(const std::array<std::string_view, N>& sorted, std::string_view word)
{
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Word lists stay packed in sorted rows, which clang-format would spread
// into a column table.
// clang-format off
constexpr std::array k_fillers = std::to_array<std::string_view>({
  "a", "about", "actually", "again", "all", "also", "am", "an", "and", "any", "anything", "anywhere", "are", "as",
  "at", "available", "be", "been", "box", "by", "can", "check", "computer", "could", "currently", "did", "display",
  "do", "does", "done", "entire", "ever", "every", "everything", "exactly", "for", "from", "get", "give", "go",
  "got", "have", "hello", "help", "here", "hey", "hi", "how", "i", "in", "into", "is", "it", "just", "kindly",
  "know", "laptop", "let", "lets", "like", "mac", "machine", "me", "mine", "my", "need", "now", "of", "ok", "okay",
  "on", "one", "ones", "or", "our", "please", "possible", "print", "quick", "quickly", "real", "really", "right",
  "see", "shall", "should", "show", "so", "some", "somewhere", "system", "tell", "thank", "thanks", "that", "the",
  "their", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "to", "too", "u", "up",
  "us", "view", "want", "was", "we", "were", "what", "whats", "where", "which", "whole", "will", "with", "would",
  "ya", "yes", "you", "your",
});

constexpr std::array k_guards = std::to_array<std::string_view>({
  "add", "after", "apart", "append", "before", "between", "bigger", "but", "change", "checkout", "chmod", "chown",
  "clean", "clear", "close", "commit", "compress", "copy", "cp", "create", "decompress", "decrypt", "delete",
  "download", "drop", "duplicate", "edit", "empty", "encrypt", "erase", "except", "exclude", "excluding", "execute",
  "extract", "first", "format", "greater", "hidden", "ignore", "ignoring", "install", "instead", "kill", "larger",
  "largest", "last", "least", "leave", "less", "merge", "modify", "more", "most", "mount", "move", "mv", "never",
  "newer", "newest", "no", "nor", "not", "older", "oldest", "omit", "open", "other", "overwrite", "pull", "purge",
  "push", "rebase", "recursive", "recursively", "remove", "rename", "replace", "reset", "restart", "reverse",
  "revert", "rm", "run", "save", "send", "set", "shred", "since", "skip", "skipping", "smaller", "smallest", "sort",
  "sorted", "start", "stash", "stop", "sudo", "top", "truncate", "uninstall", "unique", "unless", "unmount", "until",
  "update", "upload", "wipe", "without", "write", "zip",
});

// Includes the intents' own keywords, so "list of processes" is not read as
// a directory called "processes".
constexpr std::array k_non_location = std::to_array<std::string_view>({
  "a", "address", "all", "an", "any", "big", "biggest", "both", "branch", "byte", "bytes", "case", "change",
  "changes", "codebase", "commit", "content", "contents", "cpu", "current", "date", "detail", "diff", "different",
  "disk", "disks", "drive", "drives", "each", "every", "file", "filesystem", "filesystems", "gb", "gib", "gigabytes",
  "git", "heaviest", "hostname", "huge", "human", "ip", "it", "its", "kb", "kernel", "kib", "kilobytes", "large",
  "last", "line", "list", "listening", "many", "mb", "me", "megabytes", "memory", "mib", "mounted", "my", "name",
  "names", "nested", "network", "new", "next", "old", "only", "open", "order", "parent", "partition", "partitions",
  "past", "port", "process", "project", "ram", "readable", "recent", "repo", "repository", "running", "same", "size",
  "sizes", "small", "sorted", "space", "status", "that", "the", "their", "them", "these", "this", "those", "time",
  "tiny", "total", "uptime", "us", "usage", "user", "version", "volume", "volumes", "which", "whole", "your",
});

// Words that follow "in"/"to" as a manner, unit or format rather than a
// place ("in UTC", "to uppercase", "in json", "into 50 line pieces").
constexpr std::array k_manner = std::to_array<std::string_view>({
  "alphabetical", "alphabetically", "ascending", "ascii", "background", "base64", "binary", "capitals", "caps",
  "chunk", "chunks", "columns", "csv", "days", "decimal", "descending", "foreground", "gigabyte", "gmt", "hex",
  "hexadecimal", "hours", "json", "kilobyte", "local", "localtime", "lower", "lowercase", "megabyte", "minutes",
  "octal", "parallel", "percent", "percentage", "piece", "pieces", "place", "power", "seconds", "titlecase", "tsv",
  "upper", "uppercase", "utc", "utf8", "weeks", "words", "xml", "yaml",
});
// clang-format on

static_assert(std::is_sorted(k_manner.begin(), k_manner.end()));
static_assert(std::is_sorted(k_fillers.begin(), k_fillers.end()));
static_assert(std::is_sorted(k_guards.begin(), k_guards.end()));
static_assert(std::is_sorted(k_non_location.begin(), k_non_location.end()));

} // namespace

bool is_filler(std::string_view word)
{
  return contains(k_fillers, word);
}

bool is_guard(std::string_view word)
{
  return contains(k_guards, word);
}

bool is_manner_word(std::string_view word)
{
  return contains(k_manner, word);
}

bool is_non_location(std::string_view word)
{
  return contains(k_non_location, word) || is_manner_word(word) || is_filler(word) || is_guard(word);
}

bool is_plain_name(std::string_view word)
{
  if (word.empty()) {
    return false;
  }
  for (char c : word) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok) {
      return false;
    }
  }
  return true;
}

std::optional<long long> number_word(std::string_view word)
{
  static constexpr std::array<std::string_view, 21> k_numbers = {
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < k_numbers.size(); ++i) {
    if (k_numbers[i] == word) {
      return static_cast<long long>(i);
    }
  }
  if (word == "a" || word == "an" || word == "single") {
    return 1;
  }
  if (word == "dozen") {
    return 12;
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
