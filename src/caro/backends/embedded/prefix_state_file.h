#pragma once

// The on-disk envelope around a saved prefix state. llama.cpp's own state
// files carry no checksum, and a damaged one can reach assertions inside the
// library; so caro stores the state bytes (llama_state_seq_get_data) in its
// own file: magic, the cache key, the prefix tokens, the payload size and a
// checksum of the payload. read_prefix_state returns the payload only when all
// of those match what the caller expects, so a corrupt, truncated, stale or
// foreign file is ignored (and then rebuilt), never handed to llama.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caro::backends {

// Writes atomically (temporary file + rename). False on any I/O failure; the
// cache is an optimisation, so callers carry on without it.
bool write_prefix_state(const std::string& path, const std::string& key, const std::vector<int32_t>& tokens,
                        const std::vector<uint8_t>& payload);

// The payload, when the file exists and its key, tokens, size and checksum
// all match; nullopt otherwise.
std::optional<std::vector<uint8_t>> read_prefix_state(const std::string& path, const std::string& key,
                                                      const std::vector<int32_t>& tokens);

} // namespace caro::backends
