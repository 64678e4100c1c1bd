#pragma once

// Word classes the matcher reasons with: filler words that carry no meaning
// for command building, guard words whose presence (unexplained) changes the
// meaning so much that the matcher must decline, and words that can never be
// a directory name.

#include <optional>
#include <string_view>

namespace caro::backends::static_matcher {

// Politeness, articles, pronouns, auxiliaries and generic request verbs.
bool is_filler(std::string_view word);

// Negations, exclusions, destructive or state-changing verbs, comparisons:
// left unexplained, they mean the answer would be wrong.
bool is_guard(std::string_view word);

// Words that may follow "in"/"under" without being a directory name.
bool is_non_location(std::string_view word);

// Manner, unit and format words ("utc", "uppercase", "json"): not a place
// after "in"/"to", but still a folder's name in "the json folder".
bool is_manner_word(std::string_view word);

// "one" .. "twenty", "a"/"an" (as one), "a dozen"; nullopt otherwise.
std::optional<long long> number_word(std::string_view word);

// Not empty, and only letters, digits, '_', '-' and '.': a name that needs no
// quoting and cannot be an option or path (directory, user and process names).
bool is_plain_name(std::string_view word);

} // namespace caro::backends::static_matcher
