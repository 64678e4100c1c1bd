#pragma once

// The tokens of one request plus a record of which tokens have been
// explained. Slot extractors and intents mark the tokens they understood;
// whatever is left unexplained at the end lowers confidence or vetoes the
// answer, which is how the matcher avoids answering a question it only half
// understood.

#include "caro/backends/static/tokens.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

class Analysis
{
public:
  explicit Analysis(std::vector<Token> tokens);

  std::size_t size() const { return m_tokens.size(); }
  const Token& at(std::size_t i) const { return m_tokens[i]; }
  bool used(std::size_t i) const { return m_used[i]; }
  void use(std::size_t i) { m_used[i] = true; }
  void use_range(std::size_t first, std::size_t last_exclusive);

  // Token i exists, is an unused word and equals `word`.
  bool is(std::size_t i, std::string_view word) const;
  bool is_any(std::size_t i, std::initializer_list<std::string_view> words) const;
  bool is_number(std::size_t i) const;
  bool is_kind(std::size_t i, TokenKind kind) const;

  // The unused words starting at i equal `words` in order.
  bool phrase_at(std::size_t i, std::initializer_list<std::string_view> words) const;
  // First position of the phrase among unused tokens.
  std::optional<std::size_t> find_phrase(std::initializer_list<std::string_view> words) const;
  // Finds the phrase and marks it used; true when found.
  bool take_phrase(std::initializer_list<std::string_view> words);
  // Takes every one of the phrases that occurs (no short-circuit); true when any did.
  bool take_phrases(std::initializer_list<std::initializer_list<std::string_view>> phrases);
  // Marks the first unused occurrence of any of `words`; true when found.
  bool take_any(std::initializer_list<std::string_view> words);
  // Whether any token (used or not) is one of `words`.
  bool mentions(std::initializer_list<std::string_view> words) const;

  std::vector<std::size_t> unused() const;

private:
  std::vector<Token> m_tokens;
  std::vector<bool> m_used;
};

} // namespace caro::backends::static_matcher
