// Tokeniser for the static matcher. It is deliberately conservative: it only
// repairs spellings that cannot mean anything else, and never drops a word
// that could change the meaning (negations are split out, not removed).

#include "caro/backends/static/tokens.h"

#include "caro/util/strings.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <map>
#include <utility>

namespace caro::backends::static_matcher {
namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool is_alnum(char c)
{
  return is_alpha(c) || is_digit(c);
}

// Typos and plural/spelling variants folded onto one canonical word. Only
// spellings with a single plausible reading belong here.
const std::map<std::string, std::string, std::less<>>& canonical_words()
{
  static const std::map<std::string, std::string, std::less<>> k_words = {
      {"files", "file"},
      {"fiels", "file"},
      {"fies", "file"},
      {"flie", "file"},
      {"folder", "dir"},
      {"folders", "dir"},
      {"directory", "dir"},
      {"directories", "dir"},
      {"dirs", "dir"},
      {"dirctory", "dir"},
      {"direcotry", "dir"},
      {"directroy", "dir"},
      {"dierctory", "dir"},
      {"subfolder", "subdir"},
      {"subfolders", "subdir"},
      {"subdirectory", "subdir"},
      {"subdirectories", "subdir"},
      {"subdirs", "subdir"},
      {"serach", "search"},
      {"seach", "search"},
      {"searh", "search"},
      {"sreach", "search"},
      {"sapce", "space"},
      {"spcae", "space"},
      {"teh", "the"},
      {"pyhton", "python"},
      {"pyton", "python"},
      {"modifed", "modified"},
      {"modfied", "modified"},
      {"proccess", "process"},
      {"proces", "process"},
      {"processes", "process"},
      {"proccesses", "process"},
      {"commits", "commit"},
      {"branches", "branch"},
      {"lines", "line"},
      {"ports", "port"},
      {"occurrences", "occurrence"},
      {"occurences", "occurrence"},
      {"occurence", "occurrence"},
      {"images", "image"},
      {"pictures", "image"},
      {"picture", "image"},
      {"photos", "image"},
      {"photo", "image"},
      {"pics", "image"},
      {"scripts", "script"},
      {"biger", "bigger"},
      {"memroy", "memory"},
      {"listning", "listening"},
      {"listenning", "listening"},
      {"pls", "please"},
      {"plz", "please"},
      {"lsit", "list"},
      {"shwo", "show"},
      {"colour", "color"},
      {"capitalisation", "capitalization"},
      {"$home", "~"},
  };
  return k_words;
}

// Hyphenated words split only when a part is one of these, so that directory
// names such as my-project survive intact.
bool splits_at_hyphen(std::string_view left, std::string_view right)
{
  static constexpr std::array<std::string_view, 7> k_left = {"non", "case", "human", "top", "sub", "one", "two"};
  static constexpr std::array<std::string_view, 5> k_right = {"insensitive", "sensitive", "readable", "level", "line"};
  for (auto word : k_left) {
    if (left == word) {
      return true;
    }
  }
  for (auto word : k_right) {
    if (right == word) {
      return true;
    }
  }
  return false;
}

bool looks_like_path(std::string_view piece)
{
  if (piece.find('/') != std::string_view::npos || piece.front() == '~') {
    return true;
  }
  if (piece.find_first_of("*?") != std::string_view::npos) {
    return true;
  }
  if (piece.front() == '.') {
    return piece.size() > 1 && !is_digit(piece[1]);
  }
  // name.ext: a dot between word characters, with a letter after the last dot.
  const auto dot = piece.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= piece.size()) {
    return false;
  }
  bool letter_after = false;
  for (std::size_t i = dot + 1; i < piece.size(); ++i) {
    letter_after = letter_after || is_alpha(piece[i]);
  }
  return letter_after && is_alnum(piece[dot - 1]);
}

void push_word(std::vector<Token>& out, std::string word, std::string raw = {})
{
  if (word.empty()) {
    return;
  }
  if (raw.empty()) {
    raw = word;
  }
  const auto& canon = canonical_words();
  if (auto it = canon.find(word); it != canon.end()) {
    word = it->second;
  }
  if (word == "~") {
    out.push_back(Token{TokenKind::path, word, 0.0, raw});
    return;
  }
  out.push_back(Token{TokenKind::word, std::move(word), 0.0, std::move(raw)});
}

// Splits contractions: "haven't" -> have not; "what's" -> what.
void push_contracted_word(std::vector<Token>& out, std::string word, std::string raw = {})
{
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_irregular = {
      {{"can't", "can"}, {"won't", "will"}, {"cannot", "can"}, {"shan't", "shall"}, {"ain't", "is"}}};
  for (const auto& [from, to] : k_irregular) {
    if (word == from) {
      push_word(out, std::string(to));
      push_word(out, "not");
      return;
    }
  }
  if (word.size() > 3 && word.ends_with("n't")) {
    push_word(out, word.substr(0, word.size() - 3));
    push_word(out, "not");
    return;
  }
  static constexpr std::array<std::string_view, 6> k_suffixes = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
  for (auto suffix : k_suffixes) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) {
      word.erase(word.size() - suffix.size());
      if (raw.size() > suffix.size()) {
        raw.erase(raw.size() - suffix.size());
      }
      break;
    }
  }
  push_word(out, std::move(word), std::move(raw));
}

void push_number_or_word(std::vector<Token>& out, std::string_view piece)
{
  // digits[.digits] followed by optional letters (a unit): "100MB", "1.5g", "24h".
  std::string digits;
  std::size_t i = 0;
  while (i < piece.size() &&
         (is_digit(piece[i]) || (piece[i] == ',' && i > 0 && i + 1 < piece.size() && is_digit(piece[i + 1])))) {
    if (piece[i] != ',') {
      digits += piece[i];
    }
    ++i;
  }
  if (!digits.empty() && i < piece.size() && piece[i] == '.' && i + 1 < piece.size() && is_digit(piece[i + 1])) {
    digits += '.';
    ++i;
    while (i < piece.size() && is_digit(piece[i])) {
      digits += piece[i];
      ++i;
    }
  }
  std::size_t letters_from = i;
  bool only_letters_after = true;
  for (std::size_t j = i; j < piece.size(); ++j) {
    only_letters_after = only_letters_after && is_alpha(piece[j]);
  }
  if (digits.empty() || !only_letters_after) {
    const std::string lower = util::to_lower_ascii(piece);
    const auto hyphen = lower.find('-');
    if (hyphen != std::string::npos && hyphen > 0 && hyphen + 1 < lower.size() &&
        splits_at_hyphen(std::string_view(lower).substr(0, hyphen), std::string_view(lower).substr(hyphen + 1))) {
      push_contracted_word(out, lower.substr(0, hyphen));
      push_contracted_word(out, lower.substr(hyphen + 1));
      return;
    }
    push_contracted_word(out, lower, std::string(piece));
    return;
  }
  out.push_back(Token{TokenKind::number, digits, std::strtod(digits.c_str(), nullptr), {}});
  if (letters_from < piece.size()) {
    push_word(out, util::to_lower_ascii(piece.substr(letters_from)));
  }
}

void push_piece(std::vector<Token>& out, std::string_view piece)
{
  // Surrounding punctuation is not part of the meaning.
  while (!piece.empty() && (piece.front() == '(' || piece.front() == '[' || piece.front() == ',')) {
    piece.remove_prefix(1);
  }
  while (!piece.empty()) {
    const char c = piece.back();
    const bool trailing_dot = c == '.' && piece != "." && piece != "..";
    if (c == ')' || c == ']' || c == ',' || c == ';' || c == '?' || c == '!' || c == ':' || trailing_dot) {
      piece.remove_suffix(1);
    } else {
      break;
    }
  }
  if (piece.empty()) {
    return;
  }
  // ":8080" names a port.
  if (piece.size() > 1 && piece.front() == ':' && is_digit(piece[1])) {
    push_word(out, "port");
    push_number_or_word(out, piece.substr(1));
    return;
  }
  if (piece.front() == '-' || piece.front() == ':') {
    push_word(out, util::to_lower_ascii(piece));
    return;
  }
  if (looks_like_path(piece) && !is_digit(piece.front())) {
    // A possessive on a file name: "run.sh's permissions".
    if (piece.size() > 2 && piece.ends_with("'s")) {
      piece.remove_suffix(2);
    }
    const bool home = util::to_lower_ascii(piece) == "$home";
    out.push_back(Token{TokenKind::path, home ? std::string(1, '~') : std::string(piece), 0.0, {}});
    return;
  }
  push_number_or_word(out, piece);
}

// Maps typographic quotes onto ASCII ones so quoting works the same.
std::string ascii_quotes(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const auto third = static_cast<unsigned char>(text[i + 2]);
      if (third == 0x98 || third == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (third == 0x9C || third == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Position of the quote closing one opened at `open`, or npos. A closing
// quote must end a word, so apostrophes inside words do not close it.
std::size_t closing_quote(const std::string& text, std::size_t open)
{
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] != quote) {
      continue;
    }
    const bool ends_word = i + 1 == text.size() || is_space(text[i + 1]) ||
                           std::string_view(",.;:?!)]").find(text[i + 1]) != std::string_view::npos ||
                           (text[i + 1] == '\'' && quote == '"');
    if (ends_word) {
      return i;
    }
  }
  return std::string::npos;
}

} // namespace

std::vector<Token> tokenize(std::string_view request)
{
  const std::string text = ascii_quotes(request);
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    const bool at_word_start = i == 0 || is_space(text[i - 1]) || text[i - 1] == '(';
    if ((text[i] == '\'' || text[i] == '"' || text[i] == '`') && at_word_start) {
      const auto close = closing_quote(text, i);
      if (close != std::string::npos) {
        out.push_back(Token{TokenKind::quoted, text.substr(i + 1, close - i - 1), 0.0, {}});
        i = close + 1;
        continue;
      }
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) {
      ++end;
    }
    push_piece(out, std::string_view(text).substr(i, end - i));
    i = end;
  }
  return out;
}

} // namespace caro::backends::static_matcher
