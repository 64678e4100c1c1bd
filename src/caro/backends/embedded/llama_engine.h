#pragma once

// Running a prompt through llama.cpp: load the model (mmap) once, create a
// context sized to the first prompt, then complete conversations. The
// prompt's prefix (system text, examples and the opening of the request's
// turn) is evaluated once per model and context size and its state kept on
// disk (see prefix_cache.h), so a cold process only evaluates the request's
// own tokens. Generation is greedy by default and stops at an end-of-generation
// token, at the end of the first non-empty line, or at a token limit.
//
// Only this file's .cpp touches llama.h; builds without llama.cpp compile a
// version whose load() reports that.

#include "caro/backends/embedded/prompt_builder.h"
#include "caro/backends/generator.h"
#include "caro/util/expected.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caro::backends {

struct EngineOptions
{
  std::string model_path;
  std::string catalog_id;               // for error hints
  int threads = 0;                      // 0: default_threads()
  uint32_t n_ctx = 0;                   // tokens of context; 0: sized to the prompt (context_size_for)
  uint32_t n_batch = 512;               // tokens per llama_decode call
  int max_tokens = 64;                  // generation limit
  bool exact_tokens = false;            // benchmarks: ignore the stops, generate max_tokens
  float temperature = 0.0F;             // 0: greedy
  uint32_t seed = 0;                    // for temperature > 0
  std::optional<std::string> cache_dir; // prefix-cache directory; unset: no cache
  bool log = false;                     // let llama.cpp's log through to stderr
  bool huge_pages = true;               // back the heap with huge pages (huge_page_heap.h)
};

struct Completion
{
  std::string text;              // the generated text, up to the stop
  double mean_probability = 0.0; // mean probability of the generated tokens
  int generated_tokens = 0;
  int prompt_tokens = 0; // prefix + request
  bool prefix_cache_hit = false;
  Timings timing_ms; // load, prefix, prompt, generate
};

class LlamaEngine
{
public:
  ~LlamaEngine();
  LlamaEngine(const LlamaEngine&) = delete;
  LlamaEngine& operator=(const LlamaEngine&) = delete;

  // Loads the model; the context comes with the first complete(), when the
  // prompt's size is known. The file must have passed
  // check_model_file(); a load failure is still an Error, never a crash.
  static Expected<std::unique_ptr<LlamaEngine>> load(const EngineOptions& options);

  // Completes `prefix` + `request` (the request turn ends with an opened
  // assistant turn).
  Expected<Completion> complete(const std::vector<ChatTurn>& prefix, const ChatTurn& request);

private:
  struct State;
  explicit LlamaEngine(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

// The context a prompt gets when EngineOptions::n_ctx is 0: room for the
// prefix, the request (at least 256 tokens of room, so requests of ordinary
// length share one size) and the generation, in steps of 256 tokens.
uint32_t context_size_for(size_t prefix_tokens, size_t request_tokens, int max_tokens);

// The number of physical CPU cores (from /proc/cpuinfo), or the number of
// hardware threads when that cannot be read.
int physical_cores();

// The physical cores that are idle right now (at least 1): the default
// thread count, because ggml's spinning barriers collapse when a worker has
// to share its core.
int default_threads();

} // namespace caro::backends
