// A small lexical pass over TOML text that finds line-level structure: which
// lines are key/value statements (possibly spanning lines through arrays or
// multi-line strings) and which are [table] headers.

#include "caro/config/toml_layout.h"

#include <algorithm>

namespace caro::config::detail {
namespace {

class Scanner
{
public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  TomlLayout run()
  {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
      m_pos = 3;
    }
    while (m_pos < m_text.size()) {
      const std::size_t line_start = m_pos;
      skip_blanks();
      if (m_pos >= m_text.size()) {
        break;
      }
      const char c = m_text[m_pos];
      if (c == '\n' || c == '\r' || c == '#') {
        skip_past_newline();
      } else if (c == '[') {
        scan_header(line_start);
      } else {
        scan_statement(line_start);
      }
    }
    return std::move(m_layout);
  }

private:
  bool at(std::string_view token) const { return m_text.substr(m_pos, token.size()) == token; }

  void skip_blanks()
  {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t')) {
      ++m_pos;
    }
  }

  void skip_past_newline()
  {
    const auto newline = m_text.find('\n', m_pos);
    m_pos = newline == std::string_view::npos ? m_text.size() : newline + 1;
  }

  // Skips a string starting at m_pos (on its opening quote), returning its
  // content with basic escapes of quotes and backslashes undone (enough to
  // compare key names).
  std::string skip_string()
  {
    const char quote = m_text[m_pos];
    const bool literal = quote == '\'';
    const std::string triple(3, quote);
    std::string content;
    if (at(triple)) {
      m_pos += 3;
      while (m_pos < m_text.size() && !at(triple)) {
        if (!literal && m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
          content += m_text[m_pos + 1];
          m_pos += 2;
        } else {
          content += m_text[m_pos++];
        }
      }
      m_pos += 3;
      // Up to two quotes right before the closing delimiter belong to the content.
      for (int extra = 0; extra < 2 && m_pos < m_text.size() && m_text[m_pos] == quote; ++extra) {
        content += quote;
        ++m_pos;
      }
      m_pos = std::min(m_pos, m_text.size());
      return content;
    }
    ++m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != quote && m_text[m_pos] != '\n') {
      if (!literal && m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
        content += m_text[m_pos + 1];
        m_pos += 2;
      } else {
        content += m_text[m_pos++];
      }
    }
    if (m_pos < m_text.size() && m_text[m_pos] == quote) {
      ++m_pos;
    }
    return content;
  }

  void scan_header(std::size_t line_start)
  {
    TomlHeader header;
    header.begin = line_start;
    header.array = at("[[");
    m_pos += header.array ? 2 : 1;
    std::string component;
    while (m_pos < m_text.size() && m_text[m_pos] != ']' && m_text[m_pos] != '\n') {
      const char c = m_text[m_pos];
      if (c == '"' || c == '\'') {
        component += skip_string();
      } else if (c == '.') {
        header.components.push_back(std::move(component));
        component.clear();
        ++m_pos;
      } else if (c == ' ' || c == '\t') {
        ++m_pos;
      } else {
        component += c;
        ++m_pos;
      }
    }
    header.components.push_back(std::move(component));
    skip_past_newline();
    header.end = m_pos;
    m_layout.headers.push_back(std::move(header));
  }

  void scan_statement(std::size_t line_start)
  {
    int depth = 0;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"' || c == '\'') {
        skip_string();
      } else if (c == '#') {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
          ++m_pos;
        }
      } else if (c == '\n') {
        ++m_pos;
        if (depth <= 0) {
          break;
        }
      } else {
        if (c == '[' || c == '{') {
          ++depth;
        } else if (c == ']' || c == '}') {
          --depth;
        }
        ++m_pos;
      }
    }
    const int section = static_cast<int>(m_layout.headers.size()) - 1;
    m_layout.statements.push_back(TomlStatement{line_start, m_pos, section});
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  TomlLayout m_layout;
};

} // namespace

TomlLayout scan_layout(std::string_view text)
{
  return Scanner(text).run();
}

} // namespace caro::config::detail
