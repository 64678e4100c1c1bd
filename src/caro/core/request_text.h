#pragma once

// Checking the text of a request before any backend sees it: it must be
// non-blank, valid UTF-8, free of NUL and control characters, and of a
// sensible length. Newlines and tabs are allowed and folded into spaces.

#include "caro/util/expected.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caro {

inline constexpr std::size_t k_max_request_bytes = 4096;

// Returns the request with whitespace runs collapsed to single spaces, or an
// Error saying what is wrong with it and where.
Expected<std::string> clean_request(std::string_view raw);

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
std::size_t find_invalid_utf8(std::string_view text);

} // namespace caro
