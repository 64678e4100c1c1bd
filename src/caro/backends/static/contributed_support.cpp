// Operand and escaping helpers for the contributed intent families; see
// contributed_support.h.

#include "caro/backends/static/contributed_support.h"

#include "caro/util/shell_quote.h"

#include <array>
#include <cmath>

namespace caro::backends::static_matcher {

std::string token_value(const Token& token)
{
  if (token.kind == TokenKind::word && !token.raw.empty()) {
    return token.raw;
  }
  return token.text;
}

std::vector<std::string> locations_with_role(const Slots& slots, Location::Role role)
{
  std::vector<std::string> out;
  for (const auto& location : slots.locations) {
    if (location.role == role) {
      out.push_back(location.path);
    }
  }
  return out;
}

std::vector<std::string> source_locations(const Slots& slots)
{
  std::vector<std::string> out;
  for (const auto& location : slots.locations) {
    if (location.role != Location::Role::into) {
      out.push_back(location.path);
    }
  }
  return out;
}

std::optional<std::size_t> next_unused(const Analysis& analysis, std::size_t i,
                                       std::initializer_list<std::string_view> skip)
{
  for (std::size_t j = i + 1; j < analysis.size(); ++j) {
    if (analysis.used(j)) {
      continue;
    }
    if (analysis.is_any(j, skip)) {
      continue;
    }
    return j;
  }
  return std::nullopt;
}

bool is_plain_value(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '@' || c == ':' || c == '/' || c == '+';
    if (!ok) {
      return false;
    }
  }
  return true;
}

bool looks_like_host(std::string_view text)
{
  if (text.empty() || text.size() > 253 || text.front() == '.' || text.back() == '.' || text.front() == '-') {
    return false;
  }
  bool dot = false;
  bool letter = false;
  for (char c : text) {
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool ok = alpha || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) {
      return false;
    }
    dot = dot || c == '.';
    letter = letter || alpha;
  }
  if (!dot) {
    return text == "localhost";
  }
  if (!letter) {
    // IPv4: four numbers.
    int parts = 1;
    for (char c : text) {
      parts += c == '.' ? 1 : 0;
    }
    return parts == 4 && text.find("..") == std::string_view::npos;
  }
  // Last label alphabetic (a top-level domain), so "notes.txt" style names
  // are told apart by the caller's context, not here.
  const auto last = text.substr(text.rfind('.') + 1);
  for (char c : last) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return false;
    }
  }
  return last.size() >= 2;
}

bool looks_like_url(std::string_view text)
{
  for (std::string_view scheme : {"http://", "https://", "ftp://"}) {
    if (text.starts_with(scheme) && text.size() > scheme.size()) {
      return true;
    }
  }
  return false;
}

std::string sed_regex(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '/' || c == '.' || c == '*' || c == '[' || c == ']' || c == '^' || c == '$') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string sed_replacement(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '/' || c == '&') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::optional<std::pair<long long, std::size_t>> ordinal_at(const Analysis& analysis, std::size_t i)
{
  static constexpr std::array<std::string_view, 10> k_ordinals = {"first", "second",  "third",  "fourth", "fifth",
                                                                  "sixth", "seventh", "eighth", "ninth",  "tenth"};
  if (i >= analysis.size()) {
    return std::nullopt;
  }
  for (std::size_t k = 0; k < k_ordinals.size(); ++k) {
    if (analysis.is(i, k_ordinals[k])) {
      return std::pair<long long, std::size_t>{static_cast<long long>(k + 1), 1};
    }
  }
  const Token& token = analysis.at(i);
  if (token.kind == TokenKind::number && token.value >= 1 && token.value == std::floor(token.value) &&
      token.value < 1e6 && analysis.is_any(i + 1, {"st", "nd", "rd", "th"})) {
    return std::pair<long long, std::size_t>{static_cast<long long>(token.value), 2};
  }
  return std::nullopt;
}

std::optional<std::string> typed_name(const Analysis& analysis, const Slots& slots)
{
  if (!slots.name) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
    const Token& cue = analysis.at(i);
    const Token& value = analysis.at(i + 1);
    if (cue.kind == TokenKind::word && (cue.text == "called" || cue.text == "named") && value.kind == TokenKind::word &&
        value.text == slots.name->pattern) {
      return value.raw.empty() ? value.text : value.raw;
    }
  }
  return slots.name->pattern;
}

std::string quote_always(std::string_view text, Shell shell)
{
  std::string quoted = util::shell_quote(text, shell);
  if (quoted != text) {
    return quoted;
  }
  std::string out(1, '\'');
  out += quoted;
  out += '\'';
  return out;
}

bool is_keyword_location(std::string_view path)
{
  static constexpr std::array<std::string_view, 17> k_words = {
      "octal",  "numeric", "numbers", "uppercase", "lowercase", "upper",  "lower",      "unified", "end",
      "bottom", "place",   "commas",  "spaces",    "reverse",   "itself", "themselves", "it"};
  for (auto word : k_words) {
    if (path == word) {
      return true;
    }
  }
  return false;
}

bool is_well_known_file(std::string_view word)
{
  static constexpr std::array<std::string_view, 10> k_files = {
      "Makefile", "Dockerfile", "Vagrantfile", "Gemfile",   "Procfile",
      "README",   "LICENSE",    "Jenkinsfile", "CHANGELOG", "Containerfile"};
  for (auto name : k_files) {
    if (word == name) {
      return true;
    }
  }
  return false;
}

void append_word(std::string& out, std::string_view word)
{
  out += ' ';
  out += word;
}

bool mentions_directory(const Analysis& analysis)
{
  return analysis.mentions({"dir", "subdir", "recursively", "recursive"});
}

} // namespace caro::backends::static_matcher
