#pragma once

// Reading a GGUF file's header and metadata for `caro model info`: the
// version, counts, and the key/value pairs (general.architecture,
// general.name, ...). Values are turned into short text; arrays are
// summarised by their length (a vocabulary has 150k strings). The reader
// bounds every count and length, so a damaged file is an Error, never a huge
// allocation. Only the metadata is read, never the weights.

#include "caro/util/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caro::models {

struct GgufInfo
{
  uint32_t version = 0;
  uint64_t tensor_count = 0;
  uint64_t file_bytes = 0;
  // In file order. Strings as they are (cut at 200 bytes), numbers in
  // decimal, booleans as true/false, arrays as "[N items]".
  std::vector<std::pair<std::string, std::string>> metadata;
  // Element counts of array values, e.g. tokenizer.ggml.tokens -> vocabulary size.
  std::vector<std::pair<std::string, uint64_t>> array_lengths;

  std::optional<std::string> value(std::string_view key) const;
  std::optional<uint64_t> array_length(std::string_view key) const;
};

// `catalog_id` (may be empty) makes the hints concrete. Errors name the file
// and the fix: missing, not GGUF (e.g. an HTML page), truncated metadata.
Expected<GgufInfo> read_gguf_info(const std::string& path, std::string_view catalog_id = {});

} // namespace caro::models
