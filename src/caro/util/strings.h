#pragma once

// Small string helpers with no caro-specific knowledge.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::util {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool starts_with_word(std::string_view text, std::string_view word);
std::vector<std::string_view> split(std::string_view text, char separator);
// Splits on runs of ASCII whitespace; no empty pieces.
std::vector<std::string_view> split_whitespace(std::string_view text);
std::string join(const std::vector<std::string>& pieces, std::string_view separator);
// Collapses runs of ASCII whitespace to one space and trims the ends.
std::string collapse_whitespace(std::string_view text);
// The whole of `text` as a decimal integer; nullopt for anything else (empty,
// signs other than '-', trailing characters, out of range).
std::optional<long> parse_integer(std::string_view text);

} // namespace caro::util
