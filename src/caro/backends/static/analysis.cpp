// Token bookkeeping for the static matcher; see analysis.h.

#include "caro/backends/static/analysis.h"

#include <utility>

namespace caro::backends::static_matcher {

Analysis::Analysis(std::vector<Token> tokens)
    : m_tokens(std::make_shared<const std::vector<Token>>(std::move(tokens))), m_data(m_tokens->data()),
      m_size(m_tokens->size()), m_used(m_size, 0)
{
  for (const Token& token : *m_tokens) {
    if (token.kind == TokenKind::word) {
      m_word_bits |= word_bit(token.text);
    }
  }
}

void Analysis::use_range(std::size_t first, std::size_t last_exclusive)
{
  for (std::size_t i = first; i < last_exclusive && i < m_size; ++i) {
    m_used[i] = 1;
  }
}

bool Analysis::is_number(std::size_t i) const
{
  return is_kind(i, TokenKind::number);
}

bool Analysis::is_kind(std::size_t i, TokenKind kind) const
{
  return i < m_size && m_used[i] == 0 && m_data[i].kind == kind;
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
  for (auto word : words) {
    if (!may_contain(word)) {
      return std::nullopt;
    }
  }
  for (std::size_t i = 0; i < m_size; ++i) {
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
  if (!may_contain_any(words)) {
    return false;
  }
  for (std::size_t i = 0; i < m_size; ++i) {
    if (is_any(i, words)) {
      m_used[i] = 1;
      return true;
    }
  }
  return false;
}

bool Analysis::mentions(std::initializer_list<std::string_view> words) const
{
  if (!may_contain_any(words)) {
    return false;
  }
  for (std::size_t i = 0; i < m_size; ++i) {
    const Token& token = m_data[i];
    if (token.kind != TokenKind::word) {
      continue;
    }
    for (auto word : words) {
      if (same_word(token.text, word)) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::size_t> Analysis::unused() const
{
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m_size; ++i) {
    if (m_used[i] == 0) {
      out.push_back(i);
    }
  }
  return out;
}

} // namespace caro::backends::static_matcher
