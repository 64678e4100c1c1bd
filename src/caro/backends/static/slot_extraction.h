#pragma once

// Slot extractors. Each one recognises a family of phrases, writes the value
// into Slots and marks the tokens it explained. They run in a fixed order
// (extract_slots): the more specific phrases first, so that "in the last 7
// days" is a time before "in X" can be read as a directory, and "under 1KB" is
// a size before "under src" is a location.

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/slots.h"

#include <optional>

namespace caro::backends::static_matcher {

Slots extract_slots(Analysis& analysis);

void extract_case_insensitivity(Analysis& analysis, Slots& slots);
void extract_depth(Analysis& analysis, Slots& slots);
void extract_time(Analysis& analysis, Slots& slots);
void extract_size(Analysis& analysis, Slots& slots);
void extract_name(Analysis& analysis, Slots& slots);
void extract_exclusions(Analysis& analysis, Slots& slots);
void extract_file_types(Analysis& analysis, Slots& slots);
void extract_locations(Analysis& analysis, Slots& slots);
void extract_port(Analysis& analysis, Slots& slots);
void extract_owner(Analysis& analysis, Slots& slots);
void extract_count_and_quoted(Analysis& analysis, Slots& slots);

// A domain name such as example.com or api.github.io: dot-separated labels
// ending in a common top-level domain that is not also a file extension.
bool looks_like_domain(std::string_view text);

// A whole number at token i: a number token or a number word ("five", "a").
std::optional<long long> integer_at(const Analysis& analysis, std::size_t i);

} // namespace caro::backends::static_matcher
