#pragma once

// RAII owners for llama.cpp's C handles. Each is a unique_ptr with a deleter
// that calls the matching free function, so every exit path (errors
// included) releases them. Declare a model before the contexts made from it:
// members are destroyed in reverse order, and a context must go first.
// Only compiled into builds with llama.cpp (CARO_HAVE_LLAMA).

#include <llama.h>

#include <memory>

namespace caro::backends {

struct LlamaModelDeleter
{
  void operator()(llama_model* model) const { llama_model_free(model); }
};
struct LlamaContextDeleter
{
  void operator()(llama_context* context) const { llama_free(context); }
};
struct LlamaSamplerDeleter
{
  void operator()(llama_sampler* sampler) const { llama_sampler_free(sampler); }
};

using LlamaModelPtr = std::unique_ptr<llama_model, LlamaModelDeleter>;
using LlamaContextPtr = std::unique_ptr<llama_context, LlamaContextDeleter>;
using LlamaSamplerPtr = std::unique_ptr<llama_sampler, LlamaSamplerDeleter>;

// A batch allocated with llama_batch_init (a struct of arrays, not a pointer,
// hence a small class rather than a unique_ptr).
class LlamaBatch
{
public:
  LlamaBatch(int32_t capacity, int32_t seq_max) : m_batch(llama_batch_init(capacity, 0, seq_max)) {}
  ~LlamaBatch() { llama_batch_free(m_batch); }
  LlamaBatch(const LlamaBatch&) = delete;
  LlamaBatch& operator=(const LlamaBatch&) = delete;

  llama_batch& get() { return m_batch; }

private:
  llama_batch m_batch;
};

} // namespace caro::backends
