#include "caro/util/strings.h"

#include <charconv>

namespace caro::util {
namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string_view trim(std::string_view text)
{
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string to_lower_ascii(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

bool starts_with_word(std::string_view text, std::string_view word)
{
  return text.substr(0, word.size()) == word && (text.size() == word.size() || is_space(text[word.size()]));
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return pieces;
}

std::vector<std::string_view> split_whitespace(std::string_view text)
{
  std::vector<std::string_view> pieces;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) {
      ++i;
    }
    if (i > start) {
      pieces.push_back(text.substr(start, i - start));
    }
  }
  return pieces;
}

std::string join(const std::vector<std::string>& pieces, std::string_view separator)
{
  std::string out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += pieces[i];
  }
  return out;
}

std::string collapse_whitespace(std::string_view text)
{
  std::string out;
  for (std::string_view piece : split_whitespace(text)) {
    if (!out.empty()) {
      out += ' ';
    }
    out += piece;
  }
  return out;
}

std::optional<long> parse_integer(std::string_view text)
{
  long value = 0;
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(text.data(), last, value);
  if (text.empty() || error != std::errc{} || end != last) {
    return std::nullopt;
  }
  return value;
}

} // namespace caro::util
