#pragma once

// SHA-256 of downloaded models (and of telemetry's request hashes). Computed
// in-process (sha256_compress.h) with the CPU's SHA instructions where it
// has them, so no crypto library is loaded into every caro process.

#include "caro/util/expected.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace caro::models {

// Incremental hashing, so a download is hashed as it streams to disk.
class Sha256
{
public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  // Lowercase hex of the digest; the hasher starts over afterwards.
  std::string finish_hex();

private:
  struct State;
  std::unique_ptr<State> m_state;
};

std::string sha256_hex(std::string_view bytes);

// Hashes a whole file; the error names the file.
Expected<std::string> sha256_file(const std::string& path);

// True for 64 hex digits (either case).
bool is_sha256_hex(std::string_view text);

} // namespace caro::models
