#pragma once

// Helpers shared by the contributed intent families (file operations,
// permissions, text tools, networking, git workflow, misc): reading operands
// that the generic slots do not model (a user name, a branch, a mode, a
// replacement string) straight from the tokens, and escaping values for the
// mini-languages inside a command (sed, grep -E). Kept apart from the
// engine's intent_support so the families can grow without touching it.

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/slots.h"
#include "caro/core/types.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

// The text a token stands for as a value: verbatim for paths, quoted strings
// and numbers, the spelling as typed for words.
std::string token_value(const Token& token);

// Locations with the given role, in request order.
std::vector<std::string> locations_with_role(const Slots& slots, Location::Role role);

// Locations with role in or bare (sources), in request order.
std::vector<std::string> source_locations(const Slots& slots);

// Index of the first unused token after `i` that is not one of `skip`, or nullopt.
std::optional<std::size_t> next_unused(const Analysis& analysis, std::size_t i,
                                       std::initializer_list<std::string_view> skip = {});

// A word that can be a plain value (user, branch, host...): letters, digits and -_.@:/+ only.
bool is_plain_value(std::string_view text);

// A host name or IPv4 address ("example.com", "10.0.0.1", "db.internal").
bool looks_like_host(std::string_view text);
// An http(s)/ftp URL.
bool looks_like_url(std::string_view text);

// Escapes text for a sed basic regular expression delimited by '/'.
std::string sed_regex(std::string_view text);
// Escapes text for a sed replacement delimited by '/'.
std::string sed_replacement(std::string_view text);

// "first" .. "tenth" and "1st"-style ordinals at token i (a number followed by
// st/nd/rd/th); returns the number and the tokens it spans.
std::optional<std::pair<long long, std::size_t>> ordinal_at(const Analysis& analysis, std::size_t i);

// The name slot's value as the user typed it: the tokeniser folds some
// words ("photos" -> "image"), so the word after "called"/"named" is read
// back with its original spelling.
std::optional<std::string> typed_name(const Analysis& analysis, const Slots& slots);

// Always single-quoted (sed scripts, date formats): shell_quote leaves
// "safe" text bare, but a quoted script reads unambiguously as one word.
std::string quote_always(std::string_view text, Shell shell);

// Words the generic location extractor may read as a place after "in"/"to"
// ("in octal", "to uppercase", "to the end of") that are really keywords.
bool is_keyword_location(std::string_view path);

// Extension-less file names people mention bare ("the Makefile").
bool is_well_known_file(std::string_view word);

// Appends " word" (a separate statement: `s += " " + f()` trips a GCC 12
// -Wrestrict false positive).
void append_word(std::string& out, std::string_view word);

// Whether the request names the directory explicitly as one ("folder", "dir").
bool mentions_directory(const Analysis& analysis);

} // namespace caro::backends::static_matcher
