// Incremental SHA-256 (see sha256.h): whole blocks go straight to the block
// function, a partial block waits in the buffer; finish pads per FIPS 180-4.

#include "caro/models/sha256.h"

#include "caro/models/sha256_compress.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

namespace caro::models {

namespace {
constexpr std::array<std::uint32_t, 8> k_initial_state{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
} // namespace

struct Sha256::State
{
  detail::Sha256Compress compress = detail::sha256_compress_best();
  std::array<std::uint32_t, 8> hash = k_initial_state;
  std::array<unsigned char, 64> pending{};
  std::size_t pending_size = 0;
  std::uint64_t total_bytes = 0;

  void reset()
  {
    hash = k_initial_state;
    pending_size = 0;
    total_bytes = 0;
  }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size)
{
  State& s = *m_state;
  const auto* bytes = static_cast<const unsigned char*>(data);
  s.total_bytes += size;
  if (s.pending_size > 0) {
    const std::size_t take = std::min(size, s.pending.size() - s.pending_size);
    std::memcpy(s.pending.data() + s.pending_size, bytes, take);
    s.pending_size += take;
    bytes += take;
    size -= take;
    if (s.pending_size < s.pending.size()) {
      return;
    }
    s.compress(s.hash.data(), s.pending.data(), 1);
    s.pending_size = 0;
  }
  if (const std::size_t blocks = size / 64; blocks > 0) {
    s.compress(s.hash.data(), bytes, blocks);
    bytes += blocks * 64;
    size -= blocks * 64;
  }
  if (size > 0) {
    std::memcpy(s.pending.data(), bytes, size);
    s.pending_size = size;
  }
}

std::string Sha256::finish_hex()
{
  State& s = *m_state;
  const std::uint64_t bit_length = s.total_bytes * 8;
  // 0x80, zeros to 56 mod 64, then the message length in bits, big-endian.
  std::array<unsigned char, 72> padding{};
  padding[0] = 0x80;
  const std::size_t zeros = (s.pending_size < 56 ? 56 : 120) - s.pending_size - 1;
  for (int i = 0; i < 8; ++i) {
    padding[1 + zeros + static_cast<std::size_t>(i)] = static_cast<unsigned char>(bit_length >> (56 - 8 * i));
  }
  update(padding.data(), 1 + zeros + 8);

  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (const std::uint32_t word : s.hash) {
    for (int shift = 28; shift >= 0; shift -= 4) {
      hex += k_digits[(word >> shift) & 0xf];
    }
  }
  s.reset();
  return hex;
}

std::string sha256_hex(std::string_view bytes)
{
  Sha256 hasher;
  hasher.update(bytes);
  return hasher.finish_hex();
}

Expected<std::string> sha256_file(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return unexpected("cannot read " + path + ": " + std::strerror(errno));
  }
  struct Closer
  {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  Sha256 hasher;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      return unexpected("cannot read " + path + ": " + std::strerror(errno));
    }
    if (got == 0) {
      break;
    }
    hasher.update(buffer.data(), static_cast<std::size_t>(got));
  }
  return hasher.finish_hex();
}

bool is_sha256_hex(std::string_view text)
{
  if (text.size() != 64) {
    return false;
  }
  for (const char c : text) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) {
      return false;
    }
  }
  return true;
}

} // namespace caro::models
