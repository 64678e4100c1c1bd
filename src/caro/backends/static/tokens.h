#pragma once

// Turning a request into normalised tokens. Words are lower-cased, common
// typos and contractions are repaired ("haven't" -> "have not", so negations
// stay visible), and numbers glued to units ("100MB") are split. Quoted
// strings and path-like tokens keep their exact spelling, because they are
// values the command must reproduce byte for byte.

#include <string>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

enum class TokenKind {
  word,   // lower-case, normalised
  number, // a non-negative decimal number; `value` holds it
  quoted, // text between matching quotes, verbatim
  path,   // contains '/', starts with '~' or '.', or looks like name.ext; verbatim
};

struct Token
{
  TokenKind kind = TokenKind::word;
  std::string text; // word: normalised; number: digits as typed; quoted/path: verbatim
  double value = 0.0;
  std::string raw; // word: the spelling as typed (case kept), for values such as TODO or Documents
};

std::vector<Token> tokenize(std::string_view request);

} // namespace caro::backends::static_matcher
