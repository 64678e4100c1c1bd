// SHA-256 over OpenSSL's EVP interface (see sha256.h). The EVP_MD_CTX is
// owned by a unique_ptr with its free function, so no path leaks it.

#include "caro/models/sha256.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace caro::models {

struct Sha256::State
{
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context{EVP_MD_CTX_new(), &EVP_MD_CTX_free};

  void reset()
  {
    // Only an allocation failure or a broken libcrypto can fail here: a programmer/environment error.
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
      throw std::runtime_error("libcrypto cannot start a SHA-256 digest");
    }
  }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
  m_state->reset();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size)
{
  if (size > 0) {
    EVP_DigestUpdate(m_state->context.get(), data, size);
  }
}

std::string Sha256::finish_hex()
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(m_state->context.get(), digest, &length);
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += k_digits[digest[i] >> 4];
    hex += k_digits[digest[i] & 0x0f];
  }
  m_state->reset();
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
