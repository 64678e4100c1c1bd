// Writes GgufTestFile bytes (see gguf_test_file.h): little-endian, GGUF v2/v3 layout.

#include "support/gguf_test_file.h"

#include <cstring>

namespace caro::testing {
namespace {

template<typename T> void put(std::string& out, T value)
{
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.append(raw, sizeof(T));
}

void put_string(std::string& out, const std::string& text)
{
  put<uint64_t>(out, text.size());
  out += text;
}

} // namespace

std::string GgufTestFile::bytes() const
{
  constexpr uint32_t k_u32 = 4;
  constexpr uint32_t k_string = 8;
  constexpr uint32_t k_array = 9;
  std::string out = "GGUF";
  put<uint32_t>(out, version);
  put<uint64_t>(out, 0); // tensors
  put<uint64_t>(out, strings.size() + numbers.size() + (tokens.empty() ? 0 : 1));
  for (const auto& [key, value] : strings) {
    put_string(out, key);
    put<uint32_t>(out, k_string);
    put_string(out, value);
  }
  for (const auto& [key, value] : numbers) {
    put_string(out, key);
    put<uint32_t>(out, k_u32);
    put<uint32_t>(out, value);
  }
  if (!tokens.empty()) {
    put_string(out, "tokenizer.ggml.tokens");
    put<uint32_t>(out, k_array);
    put<uint32_t>(out, k_string);
    put<uint64_t>(out, tokens.size());
    for (const auto& token : tokens) {
      put_string(out, token);
    }
  }
  out.append(padding, '\0');
  return out;
}

} // namespace caro::testing
