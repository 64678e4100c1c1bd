#pragma once

// The tokens of one request plus a record of which tokens have been
// explained. Slot extractors and intents mark the tokens they understood;
// whatever is left unexplained at the end lowers confidence or vetoes the
// answer, which is how the matcher avoids answering a question it only half
// understood. The tokens are shared and immutable: the matcher copies an
// Analysis once per builder it tries, and that copy is only the used flags.

#include "caro/backends/static/tokens.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

class Analysis
{
public:
  explicit Analysis(std::vector<Token> tokens);

  std::size_t size() const { return m_size; }
  const Token& at(std::size_t i) const { return m_data[i]; }
  bool used(std::size_t i) const { return m_used[i] != 0; }
  void use(std::size_t i) { m_used[i] = 1; }
  void use_range(std::size_t first, std::size_t last_exclusive);

  // Token i exists, is an unused word and equals `word`. Inline and
  // length-first: builders ask this hundreds of times per request.
  bool is(std::size_t i, std::string_view word) const
  {
    if (i >= m_size || m_used[i] != 0) {
      return false;
    }
    const Token& token = m_data[i];
    return token.kind == TokenKind::word && same_word(token.text, word);
  }
  bool is_any(std::size_t i, std::initializer_list<std::string_view> words) const
  {
    if (i >= m_size || m_used[i] != 0 || m_data[i].kind != TokenKind::word) {
      return false;
    }
    const std::string& text = m_data[i].text;
    for (auto word : words) {
      if (same_word(text, word)) {
        return true;
      }
    }
    return false;
  }
  bool is_number(std::size_t i) const;
  bool is_kind(std::size_t i, TokenKind kind) const;

  // False when no token of the request is `word` (used or not); true means
  // "perhaps". A 64-bit signature of the request's words answers this
  // without a scan, so phrase searches for absent words cost almost nothing.
  bool may_contain(std::string_view word) const { return (m_word_bits & word_bit(word)) != 0; }
  // may_contain for any of the words: whether a scan for them can find one.
  bool may_contain_any(std::initializer_list<std::string_view> words) const
  {
    for (auto word : words) {
      if (may_contain(word)) {
        return true;
      }
    }
    return false;
  }

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
  static std::uint64_t word_bit(std::string_view word)
  {
    if (word.empty()) {
      return 1;
    }
    const auto mix = static_cast<unsigned>(static_cast<unsigned char>(word.front())) * 7U +
                     static_cast<unsigned>(static_cast<unsigned char>(word.back())) * 3U +
                     static_cast<unsigned>(word.size());
    return std::uint64_t{1} << (mix & 63U);
  }

  static bool same_word(const std::string& text, std::string_view word)
  {
    return text.size() == word.size() &&
           (word.empty() || (text.front() == word.front() && std::memcmp(text.data(), word.data(), word.size()) == 0));
  }

  std::shared_ptr<const std::vector<Token>> m_tokens;
  const Token* m_data = nullptr;
  std::size_t m_size = 0;
  std::uint64_t m_word_bits = 0;    // word_bit of every word token
  std::vector<std::uint8_t> m_used; // bytes, not vector<bool>: read far more often than copied
};

} // namespace caro::backends::static_matcher
