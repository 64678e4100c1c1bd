#pragma once

// Checking a model file before llama.cpp sees it, so that a missing,
// truncated or non-GGUF file becomes an Error that names the file and the fix
// instead of a failed load with a log line (or worse). The check reads only
// the GGUF header, key/value section and tensor table: the key/values are
// skipped, not parsed, and no weight data is touched.

#include "caro/util/expected.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace caro::backends {

struct GgufSummary
{
  uint32_t version = 0;
  uint64_t tensor_count = 0;
  uint64_t kv_count = 0;
  uint64_t file_bytes = 0;
  // Bytes the tensor table says the file must have; 0 when this build cannot
  // size tensors (no ggml linked), in which case truncation is not checked.
  uint64_t required_bytes = 0;
};

// `catalog_id` is the id the path came from, if any; it makes the hints
// concrete ("run caro model pull <id>").
Expected<GgufSummary> check_model_file(const std::string& path, std::string_view catalog_id);

} // namespace caro::backends
