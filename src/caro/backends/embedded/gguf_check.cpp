// Validating a GGUF file's structure before loading it (see gguf_check.h).
// The reader is deliberately paranoid: every count and length is bounded, so
// a damaged file yields an error, never a huge allocation or a long loop.

#include "caro/backends/embedded/gguf_check.h"

#include "caro/backends/embedded/gguf_format.h"

#if CARO_HAVE_LLAMA
#include <ggml.h>
#endif

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

namespace caro::backends {
namespace {

using namespace caro::gguf;

constexpr uint64_t k_header_bytes = 24; // magic, version, tensor count, kv count
constexpr uint32_t k_max_dims = 4;
constexpr uint32_t k_default_alignment = 32;

// The file mapped read-only: the walk over the metadata touches only the
// pages it reads, with no read or seek call per entry (a vocabulary is
// hundreds of thousands of strings).
class Mapping
{
public:
  Mapping(int fd, size_t size) : m_size(size)
  {
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    m_data = data == MAP_FAILED ? nullptr : static_cast<const uint8_t*>(data);
  }
  ~Mapping()
  {
    if (m_data != nullptr) {
      ::munmap(const_cast<uint8_t*>(m_data), m_size);
    }
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  const uint8_t* data() const { return m_data; }

private:
  const uint8_t* m_data = nullptr;
  size_t m_size;
};

struct FdCloser
{
  int fd;
  ~FdCloser() { ::close(fd); }
};

// Bounds-checked reads from the mapped bytes.
class Reader
{
public:
  Reader(const uint8_t* data, uint64_t size) : m_data(data), m_size(size) {}

  template<typename T> bool read(T& value)
  {
    if (m_size - m_position < sizeof(T)) {
      return false;
    }
    std::memcpy(&value, m_data + m_position, sizeof(T));
    m_position += sizeof(T);
    return true;
  }
  bool skip(uint64_t bytes)
  {
    if (m_size - m_position < bytes) {
      return false;
    }
    m_position += bytes;
    return true;
  }
  bool read_string(std::string& out)
  {
    uint64_t length = 0;
    if (!read(length) || length > k_max_string || m_size - m_position < length) {
      return false;
    }
    out.assign(reinterpret_cast<const char*>(m_data + m_position), length);
    m_position += length;
    return true;
  }
  bool skip_string()
  {
    uint64_t length = 0;
    return read(length) && length <= k_max_string && skip(length);
  }
  uint64_t position() const { return m_position; }

private:
  const uint8_t* m_data;
  uint64_t m_size;
  uint64_t m_position = 0;
};

bool skip_value(Reader& reader, uint32_t type, uint32_t* alignment_out)
{
  if (type == t_string) {
    return reader.skip_string();
  }
  if (type == t_array) {
    uint32_t item_type = 0;
    uint64_t count = 0;
    if (!reader.read(item_type) || !reader.read(count) || count > k_max_count) {
      return false;
    }
    if (item_type == t_string) {
      for (uint64_t i = 0; i < count; ++i) {
        if (!reader.skip_string()) {
          return false;
        }
      }
      return true;
    }
    const auto size = scalar_size(item_type);
    return size && reader.skip(*size * count);
  }
  if (alignment_out != nullptr && type == t_u32) {
    return reader.read(*alignment_out);
  }
  const auto size = scalar_size(type);
  return size && reader.skip(*size);
}

std::string pull_hint(std::string_view catalog_id)
{
  if (!catalog_id.empty()) {
    return "run `caro model pull " + std::string(catalog_id) + "` to download it";
  }
  return "check the path given with --model, CARO_MODEL or the config key `model`";
}

std::string damaged_hint(std::string_view catalog_id)
{
  if (!catalog_id.empty()) {
    return "delete it and run `caro model pull " + std::string(catalog_id) + "` to download it again";
  }
  return "download the model file again";
}

} // namespace

Expected<GgufSummary> check_model_file(const std::string& path, std::string_view catalog_id)
{
  struct stat info
  {
  };
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      const std::string what =
          catalog_id.empty() ? "model file " + path : "model " + std::string(catalog_id) + " (" + path + ")";
      return unexpected(what + " does not exist", pull_hint(catalog_id));
    }
    return unexpected("cannot read model file " + path + ": " + std::strerror(errno), pull_hint(catalog_id));
  }
  if (!S_ISREG(info.st_mode)) {
    return unexpected("model file " + path + " is not a regular file", pull_hint(catalog_id));
  }
  GgufSummary summary;
  summary.file_bytes = static_cast<uint64_t>(info.st_size);
  const std::string not_gguf_hint = "caro runs models in llama.cpp's GGUF format; get the .gguf version of the model";
  if (summary.file_bytes < k_header_bytes) {
    return unexpected("model file " + path + " is not a GGUF model: it has only " + std::to_string(summary.file_bytes) +
                          " bytes",
                      catalog_id.empty() ? not_gguf_hint : damaged_hint(catalog_id));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return unexpected("cannot read model file " + path + ": " + std::strerror(errno), pull_hint(catalog_id));
  }
  const FdCloser closer{fd};
  const Mapping mapping(fd, static_cast<size_t>(summary.file_bytes));
  if (mapping.data() == nullptr) {
    return unexpected("cannot map model file " + path + ": " + std::strerror(errno), pull_hint(catalog_id));
  }
  Reader reader(mapping.data(), summary.file_bytes);
  char magic[4] = {};
  if (!reader.read(magic) || std::memcmp(magic, "GGUF", 4) != 0) {
    return unexpected("model file " + path + " is not a GGUF model (it does not start with \"GGUF\")",
                      catalog_id.empty() ? not_gguf_hint : damaged_hint(catalog_id));
  }
  const std::string damaged = "model file " + path + " is damaged or truncated";
  if (!reader.read(summary.version) || !reader.read(summary.tensor_count) || !reader.read(summary.kv_count)) {
    return unexpected(damaged + ": its header is incomplete", damaged_hint(catalog_id));
  }
  if (summary.version < 2 || summary.version > 3) {
    return unexpected("model file " + path + " uses GGUF version " + std::to_string(summary.version) +
                          ", which this caro cannot read (it reads versions 2 and 3)",
                      "convert the model with a current llama.cpp, or get a newer caro");
  }
  if (summary.tensor_count > k_max_count || summary.kv_count > k_max_count) {
    return unexpected(damaged + ": its header claims an impossible number of entries", damaged_hint(catalog_id));
  }
  uint32_t alignment = k_default_alignment;
  std::string key;
  for (uint64_t i = 0; i < summary.kv_count; ++i) {
    uint32_t type = 0;
    if (!reader.read_string(key) || !reader.read(type)) {
      return unexpected(damaged + ": its metadata ends early", damaged_hint(catalog_id));
    }
    if (!skip_value(reader, type, key == "general.alignment" ? &alignment : nullptr)) {
      return unexpected(damaged + ": its metadata entry \"" + key + "\" is cut short or malformed",
                        damaged_hint(catalog_id));
    }
  }
  if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
    return unexpected(damaged + ": its alignment is not a power of two", damaged_hint(catalog_id));
  }
  uint64_t data_end = 0; // relative to the data section
  std::string name;
  for (uint64_t i = 0; i < summary.tensor_count; ++i) {
    uint32_t dims = 0;
    if (!reader.read_string(name) || !reader.read(dims) || dims == 0 || dims > k_max_dims) {
      return unexpected(damaged + ": its tensor table ends early", damaged_hint(catalog_id));
    }
    uint64_t ne[k_max_dims] = {1, 1, 1, 1};
    for (uint32_t d = 0; d < dims; ++d) {
      if (!reader.read(ne[d])) {
        return unexpected(damaged + ": its tensor table ends early", damaged_hint(catalog_id));
      }
    }
    uint32_t type = 0;
    uint64_t offset = 0;
    if (!reader.read(type) || !reader.read(offset)) {
      return unexpected(damaged + ": its tensor table ends early", damaged_hint(catalog_id));
    }
#if CARO_HAVE_LLAMA
    if (type >= GGML_TYPE_COUNT || ggml_blck_size(static_cast<ggml_type>(type)) == 0 ||
        ggml_type_size(static_cast<ggml_type>(type)) == 0) {
      return unexpected("model file " + path + " has tensor \"" + name + "\" of a type this llama.cpp does not know",
                        "get a newer caro, or a model quantised with a common type");
    }
    const auto ggml_kind = static_cast<ggml_type>(type);
    const uint64_t blocks_per_row = ne[0] / static_cast<uint64_t>(ggml_blck_size(ggml_kind));
    const uint64_t bytes = blocks_per_row * ggml_type_size(ggml_kind) * ne[1] * ne[2] * ne[3];
    data_end = std::max(data_end, offset + bytes);
#else
    (void)offset;
#endif
  }
  const uint64_t data_start = (reader.position() + alignment - 1) / alignment * alignment;
#if CARO_HAVE_LLAMA
  // Without tensors there is no data section, and so no padding either.
  summary.required_bytes = summary.tensor_count == 0 ? reader.position() : data_start + data_end;
#else
  summary.required_bytes = 0;
  (void)data_start;
  (void)data_end;
#endif
  if (summary.required_bytes > summary.file_bytes) {
    return unexpected("model file " + path + " is truncated: it has " + std::to_string(summary.file_bytes) +
                          " bytes but its tensors need " + std::to_string(summary.required_bytes),
                      damaged_hint(catalog_id));
  }
  return summary;
}

} // namespace caro::backends
