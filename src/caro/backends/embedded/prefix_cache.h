#pragma once

// Where the evaluated prompt prefix is kept between runs, and under which
// name. The key hashes everything the saved state depends on: the model file
// (path, size, modification time), the llama.cpp commit, the chat template,
// the rendered prefix text and the context parameters, plus a format version.
// Change any of them and the key changes, so a stale state is never found; a
// file that is found is still checked after loading (see llama_engine.cpp),
// because the name proves nothing about the contents.

#include "caro/util/env.h"

#include <cstdint>
#include <optional>
#include <string>

namespace caro::backends {

struct PrefixKeyInputs
{
  std::string model_path;
  uint64_t model_bytes = 0;
  int64_t model_mtime_ns = 0;
  std::string llama_commit;
  std::string chat_template;
  std::string prefix_text;
  uint32_t n_ctx = 0;
  uint32_t n_batch = 0;
  uint32_t n_ubatch = 0;
  std::string extra; // any other context parameter that shapes the state
};

// 32 hex digits (two independent 64-bit FNV-1a hashes of the inputs).
std::string prefix_cache_key(const PrefixKeyInputs& inputs);

// $XDG_CACHE_HOME/caro/prefix or $HOME/.cache/caro/prefix; nullopt when
// neither is set (the cache is then simply not used).
std::optional<std::string> prefix_cache_directory(const EnvLookup& env);

} // namespace caro::backends
