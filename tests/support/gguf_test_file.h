#pragma once

// Bytes of small, valid GGUF files for tests that need "a model" without
// weights: the header (magic, version, counts) and a few metadata entries,
// no tensors. Enough for caro's GGUF readers and the download checks, which
// look at the magic and the metadata, not at the weights.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace caro::testing {

struct GgufTestFile
{
  uint32_t version = 3;
  std::vector<std::pair<std::string, std::string>> strings{{"general.architecture", "llama"},
                                                           {"general.name", "Caro Test Model"}};
  std::vector<std::pair<std::string, uint32_t>> numbers{{"llama.context_length", 2048}};
  std::vector<std::string> tokens{"<s>", "</s>", "ls"}; // tokenizer.ggml.tokens
  std::size_t padding = 0;                              // extra zero bytes, to make it bigger

  std::string bytes() const;
};

} // namespace caro::testing
