// Streaming GGUF writer; see gguf_stream_writer.h for why it streams.

#include "gguf_stream_writer.h"

#include <ggml.h>
#include <gguf.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace caro::tools {
namespace {

constexpr int64_t k_rows_per_chunk = 64;
constexpr size_t k_max_tensors = 4096;

struct FileCloser
{
  void operator()(std::FILE* file) const { std::fclose(file); }
};

} // namespace

void GgufStreamWriter::GgufDeleter::operator()(gguf_context* ctx) const
{
  gguf_free(ctx);
}

void GgufStreamWriter::GgmlDeleter::operator()(ggml_context* ctx) const
{
  ggml_free(ctx);
}

GgufStreamWriter::GgufStreamWriter() : m_gguf(gguf_init_empty())
{
  ggml_init_params params{};
  params.mem_size = k_max_tensors * ggml_tensor_overhead();
  params.mem_buffer = nullptr;
  params.no_alloc = true;
  m_tensors.reset(ggml_init(params));
}

GgufStreamWriter::~GgufStreamWriter() = default;

void GgufStreamWriter::add_tensor(const std::string& name, int type, int64_t ne0, int64_t ne1, RowFiller fill)
{
  const auto ggml_kind = static_cast<ggml_type>(type);
  ggml_tensor* tensor = ne1 == 1 ? ggml_new_tensor_1d(m_tensors.get(), ggml_kind, ne0)
                                 : ggml_new_tensor_2d(m_tensors.get(), ggml_kind, ne0, ne1);
  ggml_set_name(tensor, name.c_str());
  gguf_add_tensor(m_gguf.get(), tensor);
  m_pending.push_back(Pending{name, type, ne0, ne1, std::move(fill)});
}

bool GgufStreamWriter::write(const std::string& path, std::string& error)
{
  const std::string partial = path + ".part";
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(partial.c_str(), "wb"));
  if (!file) {
    error = "cannot create " + partial + ": " + std::strerror(errno);
    return false;
  }
  if (!gguf_write_to_file_ptr(m_gguf.get(), file.get(), /*only_meta=*/true)) {
    error = "cannot write the metadata of " + partial;
    return false;
  }
  const size_t alignment = gguf_get_alignment(m_gguf.get());
  const auto data_start = static_cast<size_t>(std::ftell(file.get()));

  std::vector<float> rows;
  std::vector<char> packed;
  for (const Pending& tensor : m_pending) {
    const auto type = static_cast<ggml_type>(tensor.type);
    const int64_t id = gguf_find_tensor(m_gguf.get(), tensor.name.c_str());
    const size_t offset = data_start + gguf_get_tensor_offset(m_gguf.get(), id);
    if (std::fseek(file.get(), static_cast<long>(offset), SEEK_SET) != 0) {
      error = "cannot seek in " + partial;
      return false;
    }
    const size_t row_bytes = ggml_row_size(type, tensor.ne0);
    for (int64_t first = 0; first < tensor.ne1; first += k_rows_per_chunk) {
      const int64_t count = std::min(k_rows_per_chunk, tensor.ne1 - first);
      rows.resize(static_cast<size_t>(count * tensor.ne0));
      for (int64_t r = 0; r < count; ++r) {
        tensor.fill(first + r, rows.data() + r * tensor.ne0, tensor.ne0);
      }
      packed.resize(row_bytes * static_cast<size_t>(count));
      if (type == GGML_TYPE_F32) {
        std::memcpy(packed.data(), rows.data(), packed.size());
      } else if (type == GGML_TYPE_F16) {
        ggml_fp32_to_fp16_row(rows.data(), reinterpret_cast<ggml_fp16_t*>(packed.data()), count * tensor.ne0);
      } else {
        ggml_quantize_chunk(type, rows.data(), packed.data(), 0, count, tensor.ne0, nullptr);
      }
      if (std::fwrite(packed.data(), 1, packed.size(), file.get()) != packed.size()) {
        error = "cannot write " + partial + ": " + std::strerror(errno);
        return false;
      }
    }
  }
  // The data section ends padded to the alignment, like gguf's own writer.
  const auto end = static_cast<size_t>(std::ftell(file.get()));
  const size_t padded = (end + alignment - 1) / alignment * alignment;
  std::vector<char> zeros(padded - end, 0);
  if (!zeros.empty() && std::fwrite(zeros.data(), 1, zeros.size(), file.get()) != zeros.size()) {
    error = "cannot write " + partial;
    return false;
  }
  if (std::fclose(file.release()) != 0) {
    error = "cannot finish " + partial + ": " + std::strerror(errno);
    return false;
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    error = "cannot rename " + partial + " to " + path + ": " + std::strerror(errno);
    return false;
  }
  ggml_quantize_free();
  return true;
}

} // namespace caro::tools
