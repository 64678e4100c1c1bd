#include "caro/core/request_text.h"

#include "caro/util/strings.h"

#include <fmt/format.h>

namespace caro {

std::size_t find_invalid_utf8(std::string_view text)
{
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code_point = lead & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      const auto continuation = static_cast<unsigned char>(text[i + k]);
      if ((continuation & 0xC0) != 0x80) {
        return i;
      }
      code_point = (code_point << 6) | (continuation & 0x3Fu);
    }
    // Reject overlong encodings, surrogates and values past U+10FFFF.
    const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    if (overlong || (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

Expected<std::string> clean_request(std::string_view raw)
{
  if (raw.size() > k_max_request_bytes) {
    return unexpected(
        fmt::format("the request is too long ({} bytes; the limit is {})", raw.size(), k_max_request_bytes),
        "describe the command you want in a sentence or two");
  }
  if (const auto bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
    return unexpected(fmt::format("the request is not valid UTF-8 (invalid byte 0x{:02X} at offset {})",
                                  static_cast<unsigned char>(raw[bad]), bad),
                      "check the terminal's encoding or retype the request");
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0) {
      return unexpected(fmt::format("the request contains a NUL byte at offset {}", i), "remove it and try again");
    }
    const bool allowed_space = c == '\t' || c == '\n' || c == '\r';
    if ((c < 0x20 && !allowed_space) || c == 0x7F) {
      return unexpected(fmt::format("the request contains the control character 0x{:02X} at offset {}", c, i),
                        "remove it and try again");
    }
  }
  std::string cleaned = util::collapse_whitespace(raw);
  if (cleaned.empty()) {
    return unexpected("the request is empty", "say what you want to do, e.g. caro \"list files larger than 10MB\"");
  }
  return cleaned;
}

} // namespace caro
