// Telling a domain name from a file name. Both are "word.word" tokens; the
// last label decides: a top-level domain that no file type uses ("com",
// "org", "io") names a host, anything else ("txt", "sh", "py") may be a file.
// Hosts become their own slot so that file intents cannot read
// "look up example.com" as a file to find.

#include "caro/backends/static/slot_extraction.h"

#include <algorithm>
#include <array>

namespace caro::backends::static_matcher {
namespace {

// Sorted; deliberately leaves out TLDs that are also common extensions
// (sh, py, rs, pl, md, so, ps, ai...).
constexpr std::array k_top_level_domains = std::to_array<std::string_view>({
    "app", "au",  "biz", "br",     "ca",  "cc",   "ch",  "cloud",    "cn",   "co", "com", "de",    "dev",
    "edu", "es",  "eu",  "fr",     "gov", "info", "int", "internal", "io",   "jp", "lan", "local", "me",
    "mil", "net", "nl",  "online", "org", "ru",   "se",  "site",     "tech", "tv", "uk",  "us",    "xyz",
});

bool is_label_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

} // namespace

bool looks_like_domain(std::string_view text)
{
  static_assert(std::is_sorted(k_top_level_domains.begin(), k_top_level_domains.end()));
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() > 253) {
    return false;
  }
  std::size_t label = 0;
  for (char c : text) {
    if (c == '.') {
      if (label == 0) {
        return false;
      }
      label = 0;
      continue;
    }
    if (!is_label_char(c)) {
      return false;
    }
    ++label;
  }
  std::string tld(text.substr(dot + 1));
  for (char& c : tld) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return std::binary_search(k_top_level_domains.begin(), k_top_level_domains.end(), std::string_view(tld));
}

} // namespace caro::backends::static_matcher
