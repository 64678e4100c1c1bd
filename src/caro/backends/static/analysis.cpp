// Token bookkeeping for the static matcher; see analysis.h.

#include "caro/backends/static/analysis.h"

#include <utility>

namespace caro::backends::static_matcher {

Analysis::Analysis(std::vector<Token> tokens) : m_tokens(std::move(tokens)), m_used(m_tokens.size(), false)
{
}

void Analysis::use_range(std::size_t first, std::size_t last_exclusive)
{
  for (std::size_t i = first; i < last_exclusive && i < m_used.size(); ++i) {
    m_used[i] = true;
  }
}

bool Analysis::is(std::size_t i, std::string_view word) const
{
  return i < m_tokens.size() && !m_used[i] && m_tokens[i].kind == TokenKind::word && m_tokens[i].text == word;
}

bool Analysis::is_any(std::size_t i, std::initializer_list<std::string_view> words) const
{
  for (auto word : words) {
    if (is(i, word)) {
      return true;
    }
  }
  return false;
}

bool Analysis::is_number(std::size_t i) const
{
  return is_kind(i, TokenKind::number);
}

bool Analysis::is_kind(std::size_t i, TokenKind kind) const
{
  return i < m_tokens.size() && !m_used[i] && m_tokens[i].kind == kind;
}

bool Analysis::phrase_at(std::size_t i, std::initializer_list<std::string_view> words) const
{
  for (auto word : words) {
    if (!is(i, word)) {
      return false;
    }
    ++i;
  }
  return true;
}

std::optional<std::size_t> Analysis::find_phrase(std::initializer_list<std::string_view> words) const
{
  for (std::size_t i = 0; i < m_tokens.size(); ++i) {
    if (phrase_at(i, words)) {
      return i;
    }
  }
  return std::nullopt;
}

bool Analysis::take_phrase(std::initializer_list<std::string_view> words)
{
  if (auto at = find_phrase(words)) {
    use_range(*at, *at + words.size());
    return true;
  }
  return false;
}

bool Analysis::take_phrases(std::initializer_list<std::initializer_list<std::string_view>> phrases)
{
  bool any = false;
  for (const auto& phrase : phrases) {
    any = take_phrase(phrase) || any;
  }
  return any;
}

bool Analysis::take_any(std::initializer_list<std::string_view> words)
{
  for (std::size_t i = 0; i < m_tokens.size(); ++i) {
    if (is_any(i, words)) {
      m_used[i] = true;
      return true;
    }
  }
  return false;
}

bool Analysis::mentions(std::initializer_list<std::string_view> words) const
{
  for (const auto& token : m_tokens) {
    if (token.kind != TokenKind::word) {
      continue;
    }
    for (auto word : words) {
      if (token.text == word) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::size_t> Analysis::unused() const
{
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m_tokens.size(); ++i) {
    if (!m_used[i]) {
      out.push_back(i);
    }
  }
  return out;
}

} // namespace caro::backends::static_matcher
