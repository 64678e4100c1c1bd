// The prefix-state envelope (see prefix_state_file.h). Little-endian native
// layout: the file is a cache for this machine, not an interchange format.

#include "caro/backends/embedded/prefix_state_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace caro::backends {
namespace {

constexpr char k_magic[8] = {'C', 'A', 'R', 'O', 'P', 'F', 'X', '1'};
constexpr uint64_t k_max_payload = uint64_t{1} << 34; // 16 GiB: anything larger is damage
constexpr uint32_t k_max_tokens = 1u << 20;

struct FileCloser
{
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// 64-bit FNV-1a over 8-byte words, then the tail bytes: fast enough for
// megabytes of KV state, and any damaged byte changes it.
uint64_t checksum(const std::vector<uint8_t>& data)
{
  uint64_t hash = 14695981039346656037ULL;
  const size_t words = data.size() / 8;
  for (size_t i = 0; i < words; ++i) {
    uint64_t word = 0;
    std::memcpy(&word, data.data() + i * 8, 8);
    hash = (hash ^ word) * 1099511628211ULL;
  }
  for (size_t i = words * 8; i < data.size(); ++i) {
    hash = (hash ^ data[i]) * 1099511628211ULL;
  }
  return hash;
}

template<typename T> bool put(std::FILE* file, const T& value)
{
  return std::fwrite(&value, sizeof(T), 1, file) == 1;
}

template<typename T> bool get(std::FILE* file, T& value)
{
  return std::fread(&value, sizeof(T), 1, file) == 1;
}

} // namespace

bool write_prefix_state(const std::string& path, const std::string& key, const std::vector<int32_t>& tokens,
                        const std::vector<uint8_t>& payload)
{
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  bool ok = false;
  {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(temporary.c_str(), "wb"));
    if (file) {
      const auto key_length = static_cast<uint32_t>(key.size());
      const auto token_count = static_cast<uint32_t>(tokens.size());
      const auto payload_size = static_cast<uint64_t>(payload.size());
      ok = std::fwrite(k_magic, 1, sizeof k_magic, file.get()) == sizeof k_magic && put(file.get(), key_length) &&
           std::fwrite(key.data(), 1, key.size(), file.get()) == key.size() && put(file.get(), token_count) &&
           std::fwrite(tokens.data(), sizeof(int32_t), tokens.size(), file.get()) == tokens.size() &&
           put(file.get(), payload_size) && put(file.get(), checksum(payload)) &&
           std::fwrite(payload.data(), 1, payload.size(), file.get()) == payload.size();
      ok = (std::fclose(file.release()) == 0) && ok;
    }
  }
  if (ok) {
    ok = std::rename(temporary.c_str(), path.c_str()) == 0;
  }
  if (!ok) {
    std::remove(temporary.c_str());
  }
  return ok;
}

std::optional<std::vector<uint8_t>> read_prefix_state(const std::string& path, const std::string& key,
                                                      const std::vector<int32_t>& tokens)
{
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return std::nullopt;
  }
  char magic[sizeof k_magic] = {};
  uint32_t key_length = 0;
  if (std::fread(magic, 1, sizeof magic, file.get()) != sizeof magic ||
      std::memcmp(magic, k_magic, sizeof magic) != 0 || !get(file.get(), key_length) || key_length != key.size()) {
    return std::nullopt;
  }
  std::string stored_key(key_length, '\0');
  uint32_t token_count = 0;
  if (std::fread(stored_key.data(), 1, key_length, file.get()) != key_length || stored_key != key ||
      !get(file.get(), token_count) || token_count > k_max_tokens || token_count != tokens.size()) {
    return std::nullopt;
  }
  std::vector<int32_t> stored_tokens(token_count);
  if (std::fread(stored_tokens.data(), sizeof(int32_t), token_count, file.get()) != token_count ||
      stored_tokens != tokens) {
    return std::nullopt;
  }
  uint64_t payload_size = 0;
  uint64_t stored_checksum = 0;
  if (!get(file.get(), payload_size) || !get(file.get(), stored_checksum) || payload_size > k_max_payload) {
    return std::nullopt;
  }
  // The payload must fill the rest of the file exactly.
  const long start = std::ftell(file.get());
  if (start < 0 || std::fseek(file.get(), 0, SEEK_END) != 0) {
    return std::nullopt;
  }
  const long end = std::ftell(file.get());
  if (end < start || static_cast<uint64_t>(end - start) != payload_size ||
      std::fseek(file.get(), start, SEEK_SET) != 0) {
    return std::nullopt;
  }
  std::vector<uint8_t> payload(payload_size);
  if (std::fread(payload.data(), 1, payload.size(), file.get()) != payload.size() ||
      checksum(payload) != stored_checksum) {
    return std::nullopt;
  }
  return payload;
}

} // namespace caro::backends
