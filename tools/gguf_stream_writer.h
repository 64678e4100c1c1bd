#pragma once

// Writing a GGUF model file tensor by tensor with ggml's gguf API, without
// holding the whole model in memory: the metadata (key/values and tensor
// descriptions) is laid out by gguf and written first, then each tensor's
// rows are produced by a callback, quantized in chunks and appended at the
// offset gguf assigned. A 1.5B-parameter model is then written with a few
// megabytes of working memory.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct gguf_context;
struct ggml_context;

namespace caro::tools {

// Fills one row of a tensor (`n` floats) in F32; the writer converts it to the
// tensor's type.
using RowFiller = std::function<void(int64_t row, float* out, int64_t n)>;

class GgufStreamWriter
{
public:
  GgufStreamWriter();
  ~GgufStreamWriter();
  GgufStreamWriter(const GgufStreamWriter&) = delete;
  GgufStreamWriter& operator=(const GgufStreamWriter&) = delete;

  // The key/value section; callers set keys through the gguf API directly.
  gguf_context* meta() { return m_gguf.get(); }

  // Declares a tensor of shape ne0 x ne1 (ne1 == 1 for vectors) and type
  // `type` (a ggml_type value); its rows come from `fill` when written.
  void add_tensor(const std::string& name, int type, int64_t ne0, int64_t ne1, RowFiller fill);

  // Writes the file; false with a message in `error` on failure.
  bool write(const std::string& path, std::string& error);

private:
  struct Pending
  {
    std::string name;
    int type;
    int64_t ne0;
    int64_t ne1;
    RowFiller fill;
  };

  struct GgufDeleter
  {
    void operator()(gguf_context* ctx) const;
  };
  struct GgmlDeleter
  {
    void operator()(ggml_context* ctx) const;
  };

  std::unique_ptr<gguf_context, GgufDeleter> m_gguf;
  std::unique_ptr<ggml_context, GgmlDeleter> m_tensors; // descriptions only (no_alloc)
  std::vector<Pending> m_pending;
};

} // namespace caro::tools
