// The GGUF metadata reader (see gguf_info.h). It reads through a small
// buffer with read(2), skipping what it does not keep, so even a 1 GB model
// costs a few hundred kilobytes of reads.

#include "caro/models/gguf_info.h"

#include "caro/backends/embedded/gguf_format.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace caro::models {
namespace {

using namespace caro::gguf;

constexpr std::size_t k_kept_string = 200;

class BufferedReader
{
public:
  explicit BufferedReader(int fd) : m_fd(fd), m_buffer(1 << 16) {}

  bool read(void* out, std::size_t size)
  {
    auto* bytes = static_cast<char*>(out);
    while (size > 0) {
      if (m_begin == m_end && !fill()) {
        return false;
      }
      const std::size_t take = std::min(size, m_end - m_begin);
      std::memcpy(bytes, m_buffer.data() + m_begin, take);
      m_begin += take;
      bytes += take;
      size -= take;
    }
    return true;
  }
  template<typename T> bool read_value(T& value) { return read(&value, sizeof value); }
  bool skip(uint64_t size)
  {
    while (size > 0) {
      if (m_begin == m_end && !fill()) {
        return false;
      }
      const auto take = static_cast<std::size_t>(std::min<uint64_t>(size, m_end - m_begin));
      m_begin += take;
      size -= take;
    }
    return true;
  }
  // Reads a GGUF string, keeping at most `keep` bytes of it.
  bool read_string(std::string& out, std::size_t keep)
  {
    uint64_t length = 0;
    if (!read_value(length) || length > k_max_string) {
      return false;
    }
    const auto kept = static_cast<std::size_t>(std::min<uint64_t>(length, keep));
    out.resize(kept);
    return read(out.data(), kept) && skip(length - kept);
  }

private:
  bool fill()
  {
    for (;;) {
      const ssize_t got = ::read(m_fd, m_buffer.data(), m_buffer.size());
      if (got < 0 && errno == EINTR) {
        continue;
      }
      if (got <= 0) {
        return false;
      }
      m_begin = 0;
      m_end = static_cast<std::size_t>(got);
      return true;
    }
  }

  int m_fd;
  std::vector<char> m_buffer;
  std::size_t m_begin = 0;
  std::size_t m_end = 0;
};

template<typename T> std::optional<std::string> scalar_text(BufferedReader& reader)
{
  T value{};
  if (!reader.read_value(value)) {
    return std::nullopt;
  }
  return fmt::format("{}", value);
}

std::optional<std::string> read_scalar(BufferedReader& reader, uint32_t type)
{
  switch (type) {
  case t_u8:
    return scalar_text<uint8_t>(reader);
  case t_i8:
    return scalar_text<int8_t>(reader);
  case t_u16:
    return scalar_text<uint16_t>(reader);
  case t_i16:
    return scalar_text<int16_t>(reader);
  case t_u32:
    return scalar_text<uint32_t>(reader);
  case t_i32:
    return scalar_text<int32_t>(reader);
  case t_f32:
    return scalar_text<float>(reader);
  case t_u64:
    return scalar_text<uint64_t>(reader);
  case t_i64:
    return scalar_text<int64_t>(reader);
  case t_f64:
    return scalar_text<double>(reader);
  case t_bool: {
    uint8_t value = 0;
    if (!reader.read_value(value)) {
      return std::nullopt;
    }
    return std::string(value != 0 ? "true" : "false");
  }
  case t_string: {
    std::string text;
    if (!reader.read_string(text, k_kept_string)) {
      return std::nullopt;
    }
    return text;
  }
  default:
    return std::nullopt;
  }
}

std::string fix_for(std::string_view catalog_id)
{
  if (!catalog_id.empty()) {
    return "delete it and run `caro model pull " + std::string(catalog_id) + "` to download it again";
  }
  return "download the model file again, or pass the path of a .gguf file";
}

} // namespace

std::optional<std::string> GgufInfo::value(std::string_view key) const
{
  for (const auto& [name, text] : metadata) {
    if (name == key) {
      return text;
    }
  }
  return std::nullopt;
}

std::optional<uint64_t> GgufInfo::array_length(std::string_view key) const
{
  for (const auto& [name, length] : array_lengths) {
    if (name == key) {
      return length;
    }
  }
  return std::nullopt;
}

Expected<GgufInfo> read_gguf_info(const std::string& path, std::string_view catalog_id)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return unexpected("model file " + path + " does not exist",
                        catalog_id.empty() ? "check the path"
                                           : "run `caro model pull " + std::string(catalog_id) + "`");
    }
    return unexpected("cannot read model file " + path + ": " + std::strerror(error), "check its permissions");
  }
  struct Closer
  {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info
  {
  };
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    return unexpected("model file " + path + " is not a regular file", "give the path of a .gguf file");
  }
  GgufInfo result;
  result.file_bytes = static_cast<uint64_t>(info.st_size);
  BufferedReader reader(fd);
  char magic[4] = {};
  if (!reader.read(magic, 4) || std::memcmp(magic, "GGUF", 4) != 0) {
    return unexpected("model file " + path + " is not a GGUF model (it does not start with \"GGUF\")",
                      catalog_id.empty() ? "caro runs models in llama.cpp's GGUF format; get the .gguf version"
                                         : fix_for(catalog_id));
  }
  const std::string damaged = "model file " + path + " is truncated or damaged";
  uint64_t kv_count = 0;
  if (!reader.read_value(result.version) || !reader.read_value(result.tensor_count) || !reader.read_value(kv_count)) {
    return unexpected(damaged + ": its header is incomplete", fix_for(catalog_id));
  }
  if (result.version < 2 || result.version > 3) {
    return unexpected(
        fmt::format("model file {} uses GGUF version {}; caro reads versions 2 and 3", path, result.version),
        "convert the model with a current llama.cpp");
  }
  if (result.tensor_count > k_max_count || kv_count > k_max_count) {
    return unexpected(damaged + ": its header claims an impossible number of entries", fix_for(catalog_id));
  }
  for (uint64_t i = 0; i < kv_count; ++i) {
    std::string key;
    uint32_t type = 0;
    if (!reader.read_string(key, k_max_string) || !reader.read_value(type)) {
      return unexpected(damaged + ": its metadata ends early", fix_for(catalog_id));
    }
    const std::string broken = damaged + ": its metadata entry \"" + key + "\" is cut short or malformed";
    if (type == t_array) {
      uint32_t item_type = 0;
      uint64_t count = 0;
      if (!reader.read_value(item_type) || !reader.read_value(count) || count > k_max_count) {
        return unexpected(broken, fix_for(catalog_id));
      }
      if (item_type == t_string) {
        std::string ignored;
        for (uint64_t item = 0; item < count; ++item) {
          if (!reader.read_string(ignored, 0)) {
            return unexpected(broken, fix_for(catalog_id));
          }
        }
      } else if (!scalar_size(item_type) || !reader.skip(*scalar_size(item_type) * count)) {
        return unexpected(broken, fix_for(catalog_id));
      }
      result.metadata.emplace_back(key, fmt::format("[{} items]", count));
      result.array_lengths.emplace_back(key, count);
      continue;
    }
    auto text = read_scalar(reader, type);
    if (!text) {
      return unexpected(broken, fix_for(catalog_id));
    }
    result.metadata.emplace_back(std::move(key), std::move(*text));
  }
  return result;
}

} // namespace caro::models
