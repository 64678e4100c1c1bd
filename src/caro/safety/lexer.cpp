// Word normalisation over the source text of one word node. A small reader
// over the characters: quotes and escapes are removed as bash would, and the
// substitutions the grammar found are copied through verbatim (and recorded
// as "$(" expansions), so nested commands are parsed exactly once, by the
// grammar. It is lenient because the grammar already judged the syntax.

#include "caro/safety/lexer.h"

#include <algorithm>
#include <utility>

namespace caro::safety {

Span SpanMap::map(std::size_t begin, std::size_t end) const
{
  if (whole) {
    return *whole;
  }
  return Span{base + begin, base + end};
}

SpanMap SpanMap::slice(std::size_t offset) const
{
  if (whole) {
    return *this;
  }
  return SpanMap{base + offset, std::nullopt};
}

bool is_op(const Token& token, std::string_view op)
{
  return token.kind == TokenKind::op && token.op == op;
}

bool is_keyword(const Token& token, std::string_view keyword)
{
  return token.kind == TokenKind::word && !token.word.quoted && token.word.text == keyword;
}

namespace {

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool is_name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_special_parameter(char c)
{
  return is_digit(c) || c == '@' || c == '*' || c == '#' || c == '?' || c == '$' || c == '!' || c == '-';
}

int hex_value(char c)
{
  if (is_digit(c)) {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

class WordReader
{
public:
  WordReader(std::string_view text, std::size_t begin, std::size_t end,
             std::span<const SubstitutionRange> substitutions)
      : m_text(text.substr(0, std::min(end, text.size()))), m_pos(begin), m_substitutions(substitutions)
  {
  }

  void run(Word& word)
  {
    const std::size_t start = m_pos;
    while (!at_end()) {
      if (take_substitution(word, false)) {
        continue;
      }
      const char c = peek();
      switch (c) {
      case '\\':
        if (peek(1) == '\n') {
          m_pos += 2;
        } else if (m_pos + 1 < m_text.size()) {
          word.text.push_back(peek(1));
          word.quoted = true;
          m_pos += 2;
        } else {
          word.text.push_back('\\');
          ++m_pos;
        }
        break;
      case '\'':
        read_single_quoted(word);
        break;
      case '"':
        read_double_quoted(word);
        break;
      case '$':
        if (peek(1) == '\'') {
          lex_ansi_c(word);
        } else if (peek(1) == '"') {
          ++m_pos; // $"..." is a translatable double-quoted string
          read_double_quoted(word);
        } else {
          read_dollar(word, false);
        }
        break;
      case '*':
      case '?':
      case '[':
        word.unquoted_glob = true;
        word.text.push_back(c);
        ++m_pos;
        break;
      case '~':
        if (m_pos == start) {
          word.expansions.push_back(Expansion{word.text.size(), 1, "~", false});
        }
        word.text.push_back(c);
        ++m_pos;
        break;
      default:
        word.text.push_back(c);
        ++m_pos;
        break;
      }
    }
  }

private:
  std::string_view m_text;
  std::size_t m_pos;
  std::span<const SubstitutionRange> m_substitutions;
  std::size_t m_next_substitution = 0;

  bool at_end() const { return m_pos >= m_text.size(); }
  char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }

  // A substitution the grammar found starts here: copy it through.
  bool take_substitution(Word& word, bool in_quotes)
  {
    while (m_next_substitution < m_substitutions.size() && m_substitutions[m_next_substitution].begin < m_pos) {
      ++m_next_substitution;
    }
    if (m_next_substitution >= m_substitutions.size() || m_substitutions[m_next_substitution].begin != m_pos) {
      return false;
    }
    const SubstitutionRange range = m_substitutions[m_next_substitution++];
    const std::size_t end = std::min(std::max(range.end, m_pos + 1), m_text.size());
    const char first = peek();
    if (first == '<' || first == '>') {
      word.text.append(m_text.substr(m_pos, end - m_pos));
      m_pos = end;
      return true;
    }
    const std::size_t start = m_pos;
    m_pos = end;
    add_expansion(word, start, "$(", in_quotes);
    return true;
  }

  void read_single_quoted(Word& word)
  {
    const std::size_t open = m_pos;
    std::size_t close = m_text.find('\'', open + 1);
    if (close == std::string_view::npos) {
      close = m_text.size();
    }
    word.text.append(m_text.substr(open + 1, close - open - 1));
    word.quoted = true;
    m_pos = std::min(close + 1, m_text.size());
  }

  void read_double_quoted(Word& word)
  {
    ++m_pos;
    word.quoted = true;
    while (!at_end()) {
      if (take_substitution(word, true)) {
        continue;
      }
      const char c = peek();
      if (c == '"') {
        ++m_pos;
        return;
      }
      if (c == '\\') {
        const char next = peek(1);
        if (next == '\n') {
          m_pos += 2;
        } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
          word.text.push_back(next);
          m_pos += 2;
        } else {
          word.text.push_back('\\');
          ++m_pos;
        }
        continue;
      }
      if (c == '$') {
        read_dollar(word, true);
        continue;
      }
      word.text.push_back(c);
      ++m_pos;
    }
  }

  void lex_ansi_c(Word& word)
  {
    m_pos += 2;
    word.quoted = true;
    while (!at_end()) {
      const char c = peek();
      if (c == '\'') {
        ++m_pos;
        return;
      }
      if (c != '\\' || m_pos + 1 >= m_text.size()) {
        word.text.push_back(c);
        ++m_pos;
        continue;
      }
      const char e = peek(1);
      m_pos += 2;
      switch (e) {
      case 'n':
        word.text.push_back('\n');
        break;
      case 't':
        word.text.push_back('\t');
        break;
      case 'r':
        word.text.push_back('\r');
        break;
      case 'a':
        word.text.push_back('\a');
        break;
      case 'b':
        word.text.push_back('\b');
        break;
      case 'f':
        word.text.push_back('\f');
        break;
      case 'v':
        word.text.push_back('\v');
        break;
      case 'e':
      case 'E':
        word.text.push_back('\x1b');
        break;
      case '\\':
      case '\'':
      case '"':
      case '?':
        word.text.push_back(e);
        break;
      case 'c':
        if (!at_end()) {
          word.text.push_back(static_cast<char>(peek() & 0x1f));
          ++m_pos;
        }
        break;
      case 'x': {
        int value = 0;
        int digits = 0;
        while (digits < 2 && hex_value(peek()) >= 0) {
          value = value * 16 + hex_value(peek());
          ++m_pos;
          ++digits;
        }
        if (digits == 0) {
          word.text.append("\\x");
        } else {
          word.text.push_back(static_cast<char>(value));
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i) {
            value = value * 8 + (peek() - '0');
            ++m_pos;
          }
          word.text.push_back(static_cast<char>(value & 0xff));
        } else {
          word.text.push_back('\\');
          word.text.push_back(e);
        }
        break;
      }
    }
  }

  void add_expansion(Word& word, std::size_t start, std::string name, bool in_quotes)
  {
    word.expansions.push_back(Expansion{word.text.size(), m_pos - start, std::move(name), in_quotes});
    word.text.append(m_text.substr(start, m_pos - start));
    if (!in_quotes) {
      word.unquoted_variable = true;
    }
  }

  void read_dollar(Word& word, bool in_quotes)
  {
    const std::size_t start = m_pos;
    const char next = peek(1);
    if (next == '(' && peek(2) == '(') {
      // Arithmetic expansion: its value is a number, never a command or path.
      std::size_t p = m_pos + 3;
      int level = 2;
      while (p < m_text.size() && level > 0) {
        if (m_text[p] == '(') {
          ++level;
        } else if (m_text[p] == ')') {
          --level;
        }
        ++p;
      }
      word.text.append(m_text.substr(start, p - start));
      m_pos = p;
      return;
    }
    if (next == '{') {
      std::size_t p = m_pos + 2;
      int level = 1;
      while (p < m_text.size() && level > 0) {
        const char c = m_text[p];
        if (c == '\\') {
          ++p;
        } else if (c == '{') {
          ++level;
        } else if (c == '}') {
          --level;
        }
        ++p;
      }
      p = std::min(p, m_text.size());
      const std::size_t body_end = level == 0 ? p - 1 : p;
      std::string body(m_text.substr(start + 2, body_end - (start + 2)));
      m_pos = p;
      add_expansion(word, start, std::move(body), in_quotes);
      return;
    }
    if (is_name_start(next)) {
      std::size_t p = m_pos + 1;
      while (p < m_text.size() && is_name_char(m_text[p])) {
        ++p;
      }
      std::string name(m_text.substr(start + 1, p - start - 1));
      m_pos = p;
      add_expansion(word, start, std::move(name), in_quotes);
      return;
    }
    if (is_special_parameter(next)) {
      m_pos += 2;
      add_expansion(word, start, std::string(1, next), in_quotes);
      return;
    }
    word.text.push_back('$');
    ++m_pos;
  }
};

} // namespace

Word read_word(std::string_view text, std::size_t begin, std::size_t end, const SpanMap& map,
               std::span<const SubstitutionRange> substitutions)
{
  Word word;
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  WordReader(text, begin, end, substitutions).run(word);
  word.span = map.map(begin, end);
  word.span_exact = map.exact();
  return word;
}

bool is_name_char(char c)
{
  return is_name_start(c) || is_digit(c);
}

} // namespace caro::safety
