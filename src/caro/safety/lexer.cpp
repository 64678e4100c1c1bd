// Hand-written shell lexer. A recursive-descent reader over the characters:
// words accumulate their normalised text while quotes and escapes are removed,
// and $(...), `...`, <(...) and >(...) recurse into a nested token list right
// where they occur, so the whole input is read in one pass. The first problem
// stops the lexer, but the tokens read before it are kept so that the
// validator can still rate what it understood.

#include "caro/safety/lexer.h"

#include <array>
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

bool is_blank(char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

bool is_meta(char c)
{
  return is_blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}

bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool is_name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_char(char c)
{
  return is_name_start(c) || is_digit(c);
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

// Longest operators first so that "||" is not read as two pipes.
constexpr std::array<std::string_view, 11> k_operators = {";;&", "||", "|&", "&&", ";;", ";&", "|", "&", ";", "(", ")"};
constexpr std::array<std::string_view, 12> k_redirections = {"&>>", "&>", "<<<", "<<-", "<<", "<>",
                                                             "<&",  "<",  ">>",  ">|",  ">&", ">"};

class Lexer
{
public:
  Lexer(std::string_view text, const SpanMap& map, int depth) : m_text(text), m_map(map), m_depth(depth) {}

  LexResult run()
  {
    LexResult result;
    if (m_depth > k_max_nesting) {
      too_deep(0);
    } else {
      result.tokens.reserve(m_text.size() / 4); // typical words are longer; avoids regrowth on big input
      lex_tokens(result.tokens, false, m_depth);
    }
    result.problem = std::move(m_problem);
    return result;
  }

private:
  std::string_view m_text;
  SpanMap m_map;
  int m_depth;
  std::size_t m_pos = 0;
  std::optional<ParseProblem> m_problem;

  bool at_end() const { return m_pos >= m_text.size(); }
  char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }
  bool failed() const { return m_problem.has_value(); }

  bool fail(std::string rule_id, std::string message, std::size_t begin, std::size_t end)
  {
    if (!m_problem) {
      m_problem = ParseProblem{std::move(rule_id), std::move(message), m_map.map(begin, end)};
    }
    return false;
  }

  bool too_deep(std::size_t begin)
  {
    return fail("parse.too-deep", "the command nests substitutions or quoted commands too deeply to check", begin,
                m_text.size());
  }

  void skip_blanks()
  {
    while (!at_end()) {
      if (is_blank(peek())) {
        ++m_pos;
      } else if (peek() == '\\' && peek(1) == '\n') {
        m_pos += 2;
      } else {
        return;
      }
    }
  }

  // Reads tokens into `out` until the end of the text or, when `until_close`,
  // until the `)` that closes the substitution being read.
  void lex_tokens(std::vector<Token>& out, bool until_close, int depth)
  {
    const std::size_t open = m_pos;
    std::vector<std::size_t> pending_heredocs;
    int parens = 0;
    while (!failed()) {
      skip_blanks();
      if (at_end()) {
        if (until_close) {
          fail("parse.error", "a $( or <( substitution is never closed", open > 2 ? open - 2 : 0, m_text.size());
        }
        return;
      }
      const char c = peek();
      if (c == '#') {
        while (!at_end() && peek() != '\n') {
          ++m_pos;
        }
        continue;
      }
      if (c == '\n') {
        push_op(out, "\n", m_pos, m_pos + 1);
        ++m_pos;
        read_heredocs(out, pending_heredocs);
        continue;
      }
      if (c == ')' && until_close && parens == 0) {
        ++m_pos;
        return;
      }
      if ((c == '<' || c == '>') && peek(1) == '(') {
        lex_process_substitution(out, depth);
        continue;
      }
      if (starts_redirection()) {
        lex_redirection(out, pending_heredocs, depth);
        continue;
      }
      if (auto op = match(k_operators)) {
        if (*op == "(") {
          ++parens;
        } else if (*op == ")" && parens > 0) {
          --parens;
        }
        push_op(out, *op, m_pos, m_pos + op->size());
        m_pos += op->size();
        continue;
      }
      Token token;
      token.kind = TokenKind::word;
      if (!lex_word(token.word, depth)) {
        return;
      }
      token.span = token.word.span;
      out.push_back(std::move(token));
    }
  }

  template<std::size_t N> std::optional<std::string_view> match(const std::array<std::string_view, N>& candidates) const
  {
    for (const auto candidate : candidates) {
      if (m_text.substr(m_pos, candidate.size()) == candidate) {
        return candidate;
      }
    }
    return std::nullopt;
  }

  void push_op(std::vector<Token>& out, std::string_view op, std::size_t begin, std::size_t end)
  {
    Token token;
    token.kind = TokenKind::op;
    token.op = std::string(op);
    token.span = m_map.map(begin, end);
    out.push_back(std::move(token));
  }

  bool starts_redirection() const
  {
    std::size_t p = m_pos;
    while (p < m_text.size() && is_digit(m_text[p])) {
      ++p;
    }
    if (p < m_text.size() && (m_text[p] == '<' || m_text[p] == '>')) {
      return true;
    }
    return p == m_pos && peek() == '&' && peek(1) == '>';
  }

  void lex_redirection(std::vector<Token>& out, std::vector<std::size_t>& pending_heredocs, int depth)
  {
    const std::size_t start = m_pos;
    while (is_digit(peek())) {
      ++m_pos;
    }
    const std::size_t fd_end = m_pos;
    auto op = match(k_redirections);
    if (!op || (fd_end != start && (*op)[0] == '&')) {
      fail("parse.error", "malformed redirection", start, m_pos + 1);
      return;
    }
    m_pos += op->size();
    Token token;
    token.kind = TokenKind::redirect;
    token.op = std::string(m_text.substr(start, m_pos - start));
    skip_blanks();
    if ((peek() == '<' || peek() == '>') && peek(1) == '(') {
      if (!lex_process_substitution_word(token.word, depth)) {
        return;
      }
    } else if (at_end() || is_meta(peek())) {
      fail("parse.error", "a redirection has no target", start, m_pos);
      return;
    } else if (!lex_word(token.word, depth)) {
      return;
    }
    token.span = m_map.map(start, m_pos);
    if (*op == "<<" || *op == "<<-") {
      pending_heredocs.push_back(out.size());
    }
    out.push_back(std::move(token));
  }

  // Here-document bodies start after the newline that ends their command.
  void read_heredocs(std::vector<Token>& out, std::vector<std::size_t>& pending)
  {
    for (const std::size_t index : pending) {
      Token& token = out[index];
      const bool strip_tabs = token.op.ends_with('-');
      while (!at_end()) {
        std::size_t line_end = m_text.find('\n', m_pos);
        if (line_end == std::string_view::npos) {
          line_end = m_text.size();
        }
        std::string_view line = m_text.substr(m_pos, line_end - m_pos);
        m_pos = line_end < m_text.size() ? line_end + 1 : line_end;
        if (strip_tabs) {
          while (!line.empty() && line.front() == '\t') {
            line.remove_prefix(1);
          }
        }
        if (line == token.word.text) {
          break;
        }
        token.heredoc_body.append(line);
        token.heredoc_body.push_back('\n');
      }
    }
    pending.clear();
  }

  void lex_process_substitution(std::vector<Token>& out, int depth)
  {
    Token token;
    token.kind = TokenKind::word;
    if (!lex_process_substitution_word(token.word, depth)) {
      return;
    }
    token.span = token.word.span;
    out.push_back(std::move(token));
  }

  // <(...) or >(...): a word naming a pipe connected to the nested command.
  bool lex_process_substitution_word(Word& word, int depth)
  {
    const std::size_t start = m_pos;
    if (depth + 1 > k_max_nesting) {
      return too_deep(start);
    }
    Substitution substitution;
    substitution.kind = peek() == '<' ? SubstitutionKind::process_input : SubstitutionKind::process_output;
    m_pos += 2;
    lex_tokens(substitution.tokens, true, depth + 1);
    if (failed()) {
      return false;
    }
    substitution.span = m_map.map(start, m_pos);
    word.text = std::string(m_text.substr(start, m_pos - start));
    word.span = substitution.span;
    word.span_exact = m_map.exact();
    word.substitutions.push_back(std::move(substitution));
    return true;
  }

  // `name=(a b c)`: an array assignment, whose parentheses belong to the word.
  bool at_array_assignment(const Word& word, std::size_t start) const
  {
    const std::string_view raw = m_text.substr(start, m_pos - start);
    if (raw != word.text || raw.size() < 2 || raw.back() != '=' || !is_name_start(raw.front())) {
      return false;
    }
    std::string_view name = raw.substr(0, raw.size() - 1);
    if (name.ends_with('+')) {
      name.remove_suffix(1);
    }
    for (const char c : name) {
      if (!is_name_char(c)) {
        return false;
      }
    }
    return true;
  }

  bool lex_word(Word& word, int depth)
  {
    const std::size_t start = m_pos;
    while (!at_end()) {
      const char c = peek();
      if (is_meta(c)) {
        if (c == '(' && at_array_assignment(word, start)) {
          if (!lex_array_literal(word)) {
            return false;
          }
          continue;
        }
        break;
      }
      bool ok = true;
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
        ok = lex_single_quoted(word);
        break;
      case '"':
        ok = lex_double_quoted(word, depth);
        break;
      case '`':
        ok = lex_backtick(word, false, depth);
        break;
      case '$':
        if (peek(1) == '\'') {
          ok = lex_ansi_c(word);
        } else if (peek(1) == '"') {
          ++m_pos; // $"..." is a translatable double-quoted string
          ok = lex_double_quoted(word, depth);
        } else {
          ok = lex_dollar(word, false, depth);
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
      if (!ok) {
        return false;
      }
    }
    word.span = m_map.map(start, m_pos);
    word.span_exact = m_map.exact();
    return true;
  }

  bool lex_array_literal(Word& word)
  {
    const std::size_t open = m_pos;
    int level = 0;
    while (!at_end()) {
      const char c = peek();
      word.text.push_back(c);
      ++m_pos;
      if (c == '(') {
        ++level;
      } else if (c == ')' && --level == 0) {
        return true;
      }
    }
    return fail("parse.error", "an array assignment is never closed", open, m_text.size());
  }

  bool lex_single_quoted(Word& word)
  {
    const std::size_t open = m_pos;
    const std::size_t close = m_text.find('\'', open + 1);
    if (close == std::string_view::npos) {
      return fail("parse.error", "a single quote is never closed", open, m_text.size());
    }
    word.text.append(m_text.substr(open + 1, close - open - 1));
    word.quoted = true;
    m_pos = close + 1;
    return true;
  }

  bool lex_double_quoted(Word& word, int depth)
  {
    const std::size_t open = m_pos;
    ++m_pos;
    word.quoted = true;
    while (!at_end()) {
      const char c = peek();
      if (c == '"') {
        ++m_pos;
        return true;
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
        if (!lex_dollar(word, true, depth)) {
          return false;
        }
        continue;
      }
      if (c == '`') {
        if (!lex_backtick(word, true, depth)) {
          return false;
        }
        continue;
      }
      word.text.push_back(c);
      ++m_pos;
    }
    return fail("parse.error", "a double quote is never closed", open, m_text.size());
  }

  bool lex_ansi_c(Word& word)
  {
    const std::size_t open = m_pos;
    m_pos += 2;
    word.quoted = true;
    while (!at_end()) {
      const char c = peek();
      if (c == '\'') {
        ++m_pos;
        return true;
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
    return fail("parse.error", "a $'...' string is never closed", open, m_text.size());
  }

  void add_expansion(Word& word, std::size_t start, std::string name, bool in_quotes)
  {
    word.expansions.push_back(Expansion{word.text.size(), m_pos - start, std::move(name), in_quotes});
    word.text.append(m_text.substr(start, m_pos - start));
    if (!in_quotes) {
      word.unquoted_variable = true;
    }
  }

  bool lex_dollar(Word& word, bool in_quotes, int depth)
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
      if (level > 0) {
        return fail("parse.error", "a $(( arithmetic expansion is never closed", start, m_text.size());
      }
      word.text.append(m_text.substr(start, p - start));
      m_pos = p;
      return true;
    }
    if (next == '(') {
      if (depth + 1 > k_max_nesting) {
        return too_deep(start);
      }
      Substitution substitution;
      substitution.kind = SubstitutionKind::command;
      m_pos += 2;
      lex_tokens(substitution.tokens, true, depth + 1);
      if (failed()) {
        return false;
      }
      substitution.span = m_map.map(start, m_pos);
      add_expansion(word, start, "$(", in_quotes);
      word.substitutions.push_back(std::move(substitution));
      return true;
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
      if (level > 0) {
        return fail("parse.error", "a ${ expansion is never closed", start, m_text.size());
      }
      std::string body(m_text.substr(start + 2, p - 1 - (start + 2)));
      m_pos = std::min(p, m_text.size());
      add_expansion(word, start, std::move(body), in_quotes);
      return true;
    }
    if (is_name_start(next)) {
      std::size_t p = m_pos + 1;
      while (p < m_text.size() && is_name_char(m_text[p])) {
        ++p;
      }
      std::string name(m_text.substr(start + 1, p - start - 1));
      m_pos = p;
      add_expansion(word, start, std::move(name), in_quotes);
      return true;
    }
    if (is_special_parameter(next)) {
      m_pos += 2;
      add_expansion(word, start, std::string(1, next), in_quotes);
      return true;
    }
    word.text.push_back('$');
    ++m_pos;
    return true;
  }

  bool lex_backtick(Word& word, bool in_quotes, int depth)
  {
    const std::size_t open = m_pos;
    ++m_pos;
    const std::size_t inner_start = m_pos;
    std::string inner;
    bool rebuilt = false;
    while (!at_end() && peek() != '`') {
      if (peek() == '\\' && (peek(1) == '`' || peek(1) == '\\' || peek(1) == '$')) {
        inner.push_back(peek(1));
        m_pos += 2;
        rebuilt = true;
        continue;
      }
      inner.push_back(peek());
      ++m_pos;
    }
    if (at_end()) {
      return fail("parse.error", "a backquote is never closed", open, m_text.size());
    }
    const std::size_t inner_end = m_pos;
    ++m_pos;
    if (depth + 1 > k_max_nesting) {
      return too_deep(open);
    }
    Substitution substitution;
    substitution.kind = SubstitutionKind::backtick;
    substitution.span = m_map.map(open, m_pos);
    // Escapes inside backquotes change the text, so its offsets no longer
    // match the original: the nested spans then collapse onto the backquotes.
    const SpanMap inner_map = rebuilt ? SpanMap{0, substitution.span} : m_map.slice(inner_start);
    const std::string_view inner_text =
        rebuilt ? std::string_view(inner) : m_text.substr(inner_start, inner_end - inner_start);
    LexResult nested = Lexer(inner_text, inner_map, depth + 1).run();
    if (nested.problem) {
      if (!m_problem) {
        m_problem = std::move(nested.problem);
      }
      return false;
    }
    substitution.tokens = std::move(nested.tokens);
    add_expansion(word, open, "$(", in_quotes);
    word.substitutions.push_back(std::move(substitution));
    return true;
  }
};

} // namespace

LexResult lex(std::string_view text, const SpanMap& map, int depth)
{
  return Lexer(text, map, depth).run();
}

} // namespace caro::safety
