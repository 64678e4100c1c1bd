// llama.cpp inference for the embedded backend (see llama_engine.h). Uses
// only the public API in include/llama.h.

#include "caro/backends/embedded/llama_engine.h"

#include "caro/backends/embedded/huge_page_heap.h"
#include "caro/backends/embedded/prefix_cache.h"
#include "caro/backends/embedded/prefix_state_file.h"
#include "caro/util/strings.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>
#include <utility>

#if CARO_HAVE_LLAMA
#include "caro/backends/embedded/llama_handles.h"

#include <cmath>
#include <cstdio>
#endif

namespace caro::backends {

int physical_cores()
{
  // Pairs of (physical id, core id) name the cores; hyperthreads share one.
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::set<std::pair<std::string, std::string>> cores;
  std::string line;
  std::string package;
  while (std::getline(cpuinfo, line)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    const std::string name = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    const std::string value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
    if (name == "physical id") {
      package = value;
    } else if (name == "core id") {
      cores.emplace(package, value);
    }
  }
  if (!cores.empty()) {
    return static_cast<int>(cores.size());
  }
  const unsigned threads = std::thread::hardware_concurrency();
  return threads == 0 ? 1 : static_cast<int>(threads);
}

int default_threads()
{
  // ggml's workers meet at a spinning barrier after every operation, so one
  // descheduled worker stalls the others for a whole time slice: measured
  // here, with a compiler busy on both cores, 2 threads generated 40 times
  // slower than 1. So use the cores that are idle now: /proc/loadavg's
  // fourth field counts the runnable tasks, this process included.
  const int cores = physical_cores();
  std::ifstream loadavg("/proc/loadavg");
  double one = 0.0;
  double five = 0.0;
  double fifteen = 0.0;
  std::string running;
  if (!(loadavg >> one >> five >> fifteen >> running)) {
    return cores;
  }
  // "3/512": 3 runnable of 512 tasks.
  const auto runnable =
      static_cast<int>(util::parse_integer(std::string_view(running).substr(0, running.find('/'))).value_or(1));
  const auto online = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  const int idle = online - std::max(0, runnable - 1);
  return std::clamp(idle, 1, cores);
}

namespace {

constexpr uint32_t k_context_step = 256; // context sizes come in these steps
constexpr uint32_t k_request_room = 256; // tokens kept for a request: about 180 words

uint32_t round_up(size_t value, uint32_t step)
{
  return static_cast<uint32_t>((value + step - 1) / step * step);
}

} // namespace

uint32_t context_size_for(size_t prefix_tokens, size_t request_tokens, int max_tokens)
{
  // The size depends on the request only when it is longer than the room
  // kept for it, so nearly every request shares one context size, and with
  // it one prefix-cache entry (the key includes the size).
  const uint32_t room = std::max(k_request_room, round_up(request_tokens, k_context_step));
  return round_up(prefix_tokens + room + static_cast<size_t>(std::max(0, max_tokens)), k_context_step);
}

#if CARO_HAVE_LLAMA

namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void quiet_log(ggml_log_level, const char*, void*)
{
}

// llama.cpp wants one process-wide initialisation; a function-local static
// makes it happen once, on first use, never at static-initialisation time.
void ensure_backend(bool log)
{
  static const bool initialised = [log] {
    if (!log) {
      llama_log_set(quiet_log, nullptr);
    }
    llama_backend_init();
    return true;
  }();
  (void)initialised;
}

Expected<std::vector<llama_token>> tokenize(const llama_vocab* vocab, const std::string& text, bool add_special)
{
  if (text.empty()) {
    return std::vector<llama_token>{};
  }
  const auto length = static_cast<int32_t>(text.size());
  // First call sizes the result (returns minus the count needed).
  const int32_t needed = -llama_tokenize(vocab, text.data(), length, nullptr, 0, add_special, true);
  if (needed <= 0) {
    return unexpected("the model's tokenizer could not tokenize the prompt");
  }
  std::vector<llama_token> tokens(static_cast<size_t>(needed));
  const int32_t count = llama_tokenize(vocab, text.data(), length, tokens.data(), needed, add_special, true);
  if (count < 0) {
    return unexpected("the model's tokenizer could not tokenize the prompt");
  }
  tokens.resize(static_cast<size_t>(count));
  return tokens;
}

std::string token_text(const llama_vocab* vocab, llama_token token)
{
  char buffer[128];
  const int32_t n = llama_token_to_piece(vocab, token, buffer, sizeof buffer, 0, false);
  if (n >= 0) {
    return std::string(buffer, static_cast<size_t>(n));
  }
  std::string piece(static_cast<size_t>(-n), '\0');
  const int32_t m = llama_token_to_piece(vocab, token, piece.data(), -n, 0, false);
  piece.resize(m < 0 ? 0 : static_cast<size_t>(m));
  return piece;
}

// Applies the model's template with llama_chat_apply_template; nullopt when
// the model has none or llama.cpp does not recognise it.
std::optional<std::string> apply_template(const char* tmpl, const std::vector<ChatTurn>& turns, bool add_assistant)
{
  if (tmpl == nullptr) {
    return std::nullopt;
  }
  std::vector<llama_chat_message> messages;
  size_t total = 0;
  for (const ChatTurn& turn : turns) {
    messages.push_back({turn.role.c_str(), turn.content.c_str()});
    total += turn.role.size() + turn.content.size();
  }
  std::string buffer(total * 2 + 256, '\0');
  int32_t n = llama_chat_apply_template(tmpl, messages.data(), messages.size(), add_assistant, buffer.data(),
                                        static_cast<int32_t>(buffer.size()));
  if (n > static_cast<int32_t>(buffer.size())) {
    buffer.resize(static_cast<size_t>(n));
    n = llama_chat_apply_template(tmpl, messages.data(), messages.size(), add_assistant, buffer.data(),
                                  static_cast<int32_t>(buffer.size()));
  }
  if (n < 0) {
    return std::nullopt;
  }
  buffer.resize(static_cast<size_t>(n));
  return buffer;
}

// Probability of `token` under the softmax of `logits`.
double token_probability(const float* logits, int32_t n_vocab, llama_token token)
{
  float max = logits[0];
  for (int32_t i = 1; i < n_vocab; ++i) {
    max = std::max(max, logits[i]);
  }
  double sum = 0.0;
  for (int32_t i = 0; i < n_vocab; ++i) {
    sum += std::exp(static_cast<double>(logits[i] - max));
  }
  return std::exp(static_cast<double>(logits[token] - max)) / sum;
}

} // namespace

struct LlamaEngine::State
{
  EngineOptions options;
  // Order matters: the context is destroyed before the model it came from.
  LlamaModelPtr model;
  LlamaContextPtr context;
  LlamaSamplerPtr sampler;
  const llama_vocab* vocab = nullptr;
  uint64_t model_bytes = 0;
  int64_t model_mtime_ns = 0;
  double load_ms = 0.0;
};

LlamaEngine::LlamaEngine(std::unique_ptr<State> state) : m_state(std::move(state))
{
}

LlamaEngine::~LlamaEngine() = default;

Expected<std::unique_ptr<LlamaEngine>> LlamaEngine::load(const EngineOptions& options)
{
  const auto start = std::chrono::steady_clock::now();
  if (options.huge_pages) {
    // Room for the vocabulary, the KV cache and the compute buffer of the
    // catalog's models; address space only, nothing becomes resident.
    prefer_huge_pages_for_heap(256UL << 20);
  }
  ensure_backend(options.log);
  auto state = std::make_unique<State>();
  state->options = options;

  struct stat info
  {
  };
  if (::stat(options.model_path.c_str(), &info) == 0) {
    state->model_bytes = static_cast<uint64_t>(info.st_size);
    state->model_mtime_ns = static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  }

  llama_model_params model_params = llama_model_default_params();
  model_params.n_gpu_layers = 0;
  model_params.load_mode = LLAMA_LOAD_MODE_MMAP;
  // No weight repacking: it copies every repackable tensor out of the mapped
  // file into a new buffer at each start, which a one-shot process pays in
  // full and which doubles its resident memory.
  model_params.use_extra_bufts = false;
  state->model.reset(llama_model_load_from_file(options.model_path.c_str(), model_params));
  if (!state->model) {
    return unexpected("llama.cpp could not load the model " + options.model_path,
                      "check that it is a complete GGUF model of an architecture this llama.cpp supports; "
                      "set CARO_LLAMA_LOG=1 to see llama.cpp's own messages");
  }
  state->vocab = llama_model_get_vocab(state->model.get());

  llama_sampler_chain_params chain_params = llama_sampler_chain_default_params();
  chain_params.no_perf = true;
  state->sampler.reset(llama_sampler_chain_init(chain_params));
  if (options.temperature > 0.0F) {
    llama_sampler_chain_add(state->sampler.get(), llama_sampler_init_top_k(40));
    llama_sampler_chain_add(state->sampler.get(), llama_sampler_init_temp(options.temperature));
    llama_sampler_chain_add(state->sampler.get(), llama_sampler_init_dist(options.seed));
  } else {
    llama_sampler_chain_add(state->sampler.get(), llama_sampler_init_greedy());
  }
  state->load_ms = milliseconds_since(start);
  return std::unique_ptr<LlamaEngine>(new LlamaEngine(std::move(state)));
}

namespace {

// Decodes `tokens` at positions from `first_pos`, n_batch at a time; asks for
// logits of the last token only when `want_logits`.
bool decode_tokens(llama_context* context, const std::vector<llama_token>& tokens, llama_pos first_pos,
                   uint32_t n_batch, bool want_logits)
{
  LlamaBatch batch(static_cast<int32_t>(n_batch), 1);
  llama_batch& b = batch.get();
  for (size_t start = 0; start < tokens.size(); start += n_batch) {
    const size_t count = std::min<size_t>(n_batch, tokens.size() - start);
    b.n_tokens = static_cast<int32_t>(count);
    for (size_t i = 0; i < count; ++i) {
      b.token[i] = tokens[start + i];
      b.pos[i] = first_pos + static_cast<llama_pos>(start + i);
      b.n_seq_id[i] = 1;
      b.seq_id[i][0] = 0;
      b.logits[i] = (want_logits && start + i + 1 == tokens.size()) ? 1 : 0;
    }
    if (llama_decode(context, b) != 0) {
      return false;
    }
  }
  return true;
}

// Creates the context (or a larger one) once the prompt's size is known.
// The KV cache is allocated and cleared when the context is made, and in a
// one-shot process that is paid in full: 2048 tokens of SmolLM-135M's cache
// cost 47 MB of page faults, a quarter of its cold start, where its prompt
// needs under 700.
Expected<void> ensure_context(LlamaContextPtr& context, llama_model* model, const EngineOptions& options,
                              uint32_t needed)
{
  if (context && llama_n_ctx(context.get()) >= needed) {
    return {};
  }
  context.reset();
  const int threads = options.threads > 0 ? options.threads : default_threads();
  llama_context_params context_params = llama_context_default_params();
  context_params.n_ctx = needed;
  context_params.n_batch = options.n_batch;
  context_params.n_ubatch = options.n_batch;
  context_params.n_seq_max = 1;
  // Only the last token's logits are ever read; without this, llama.cpp sizes
  // its compute buffer for n_batch rows of logits (300 MB with a 152k vocab).
  context_params.n_outputs_max = 1;
  context_params.n_threads = threads;
  context_params.n_threads_batch = threads;
  context_params.no_perf = true;
  // llama.cpp turns flash attention on by default; on the CPU, for prompts of
  // a few hundred tokens, the plain path is faster: measured here, the request
  // evaluates in 110 ms instead of 146 (SmolLM-135M) and 568 instead of 620
  // (Qwen2.5-1.5B).
  context_params.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;
  context.reset(llama_init_from_model(model, context_params));
  if (!context) {
    return unexpected("llama.cpp could not create a context for " + options.model_path,
                      "the machine may be short of memory; set CARO_LLAMA_LOG=1 for details");
  }
  return {};
}

} // namespace

Expected<Completion> LlamaEngine::complete(const std::vector<ChatTurn>& prefix, const ChatTurn& request)
{
  State& s = *m_state;
  Completion completion;
  completion.timing_ms.emplace_back("load", s.load_ms);

  // The prompt, rendered with the model's template when llama.cpp knows it,
  // else ChatML. The prefix must render as a prefix of the whole prompt for
  // its state to be reusable; ChatML guarantees that.
  std::vector<ChatTurn> all = prefix;
  all.push_back(request);
  const char* tmpl = llama_model_chat_template(s.model.get(), nullptr);
  auto full_text = apply_template(tmpl, all, true);
  auto prefix_text = apply_template(tmpl, prefix, false);
  std::string template_used = tmpl == nullptr ? "" : tmpl;
  const bool use_template = full_text && prefix_text && full_text->rfind(*prefix_text, 0) == 0;
  if (!use_template) {
    full_text = render_chatml(all, true);
    prefix_text = render_chatml(prefix, false);
    template_used = "chatml-fallback";
  }
  // The opening of the request's turn ("<|im_start|>user\n") is the same for
  // every request, so it belongs to the cached prefix too: where two
  // renderings with different request texts part is where the text begins.
  auto render_with = [&](std::string_view text) {
    std::vector<ChatTurn> turns = prefix;
    turns.push_back({request.role, std::string(text)});
    return use_template ? apply_template(tmpl, turns, true) : std::optional(render_chatml(turns, true));
  };
  if (const auto one = render_with("a"), other = render_with("b"); one && other) {
    const size_t opening =
        static_cast<size_t>(std::mismatch(one->begin(), one->end(), other->begin(), other->end()).first - one->begin());
    if (opening > prefix_text->size() && full_text->compare(0, opening, *one, 0, opening) == 0) {
      prefix_text = full_text->substr(0, opening);
    }
  }
  auto prefix_tokens = tokenize(s.vocab, *prefix_text, true);
  if (!prefix_tokens) {
    return unexpected(prefix_tokens.error());
  }
  auto request_tokens = tokenize(s.vocab, full_text->substr(prefix_text->size()), false);
  if (!request_tokens) {
    return unexpected(request_tokens.error());
  }
  const size_t prompt_size = prefix_tokens->size() + request_tokens->size();
  completion.prompt_tokens = static_cast<int>(prompt_size);
  const uint32_t needed = s.options.n_ctx > 0
                              ? s.options.n_ctx
                              : context_size_for(prefix_tokens->size(), request_tokens->size(), s.options.max_tokens);
  const size_t total = prompt_size + static_cast<size_t>(std::max(0, s.options.max_tokens));
  const auto trained = static_cast<uint32_t>(std::max(0, llama_model_n_ctx_train(s.model.get())));
  const uint32_t limit = trained > 0 ? std::min(needed, trained) : needed;
  if (request_tokens->empty() || total > limit) {
    return unexpected("the request is too long for the model's context (" + std::to_string(prompt_size) +
                          " prompt tokens, context " + std::to_string(limit) + ")",
                      "shorten the request");
  }
  auto phase = std::chrono::steady_clock::now();
  if (auto made = ensure_context(s.context, s.model.get(), s.options, limit); !made) {
    return unexpected(made.error());
  }
  completion.timing_ms.emplace_back("context", milliseconds_since(phase));
  llama_context* context = s.context.get();
  llama_memory_t memory = llama_get_memory(context);
  const uint32_t n_ctx = llama_n_ctx(context);

  // The prefix: restored from the cache when a valid state is there, else
  // evaluated and saved for the next run.
  phase = std::chrono::steady_clock::now();
  llama_memory_clear(memory, true);
  std::string cache_path;
  std::string cache_key;
  if (s.options.cache_dir) {
    PrefixKeyInputs inputs;
    inputs.model_path = s.options.model_path;
    inputs.model_bytes = s.model_bytes;
    inputs.model_mtime_ns = s.model_mtime_ns;
    inputs.llama_commit = CARO_LLAMA_COMMIT;
    inputs.chat_template = template_used;
    inputs.prefix_text = *prefix_text;
    inputs.n_ctx = n_ctx;
    inputs.n_batch = llama_n_batch(context);
    inputs.n_ubatch = llama_n_ubatch(context);
    cache_key = prefix_cache_key(inputs);
    cache_path = *s.options.cache_dir + "/" + cache_key + ".bin";
    if (auto payload = read_prefix_state(cache_path, cache_key, *prefix_tokens)) {
      const size_t read = llama_state_seq_set_data(context, payload->data(), payload->size(), 0);
      const llama_pos last = llama_memory_seq_pos_max(memory, 0);
      completion.prefix_cache_hit = read > 0 && last == static_cast<llama_pos>(prefix_tokens->size()) - 1;
      if (!completion.prefix_cache_hit) {
        llama_memory_clear(memory, true);
      }
    }
  }
  if (!completion.prefix_cache_hit && !prefix_tokens->empty()) {
    if (!decode_tokens(context, *prefix_tokens, 0, llama_n_batch(context), false)) {
      return unexpected("llama.cpp failed to evaluate the prompt of " + s.options.model_path,
                        "set CARO_LLAMA_LOG=1 to see llama.cpp's messages");
    }
    if (!cache_path.empty()) {
      std::vector<uint8_t> payload(llama_state_seq_get_size(context, 0));
      payload.resize(llama_state_seq_get_data(context, payload.data(), payload.size(), 0));
      if (!payload.empty()) {
        write_prefix_state(cache_path, cache_key, *prefix_tokens, payload); // best effort
      }
    }
  }
  completion.timing_ms.emplace_back("prefix", milliseconds_since(phase));
  completion.timing_ms.emplace_back("prefix_cache_hit", completion.prefix_cache_hit ? 1.0 : 0.0);

  phase = std::chrono::steady_clock::now();
  const auto position = static_cast<llama_pos>(prefix_tokens->size());
  if (!decode_tokens(context, *request_tokens, position, llama_n_batch(context), true)) {
    return unexpected("llama.cpp failed to evaluate the request with " + s.options.model_path,
                      "set CARO_LLAMA_LOG=1 to see llama.cpp's messages");
  }
  completion.timing_ms.emplace_back("prompt", milliseconds_since(phase));

  // Generation: one token at a time until end of generation, the end of the
  // first non-empty line, or the limit.
  phase = std::chrono::steady_clock::now();
  llama_sampler_reset(s.sampler.get());
  const int32_t n_vocab = llama_vocab_n_tokens(s.vocab);
  double probability_sum = 0.0;
  for (int i = 0; i < s.options.max_tokens; ++i) {
    llama_token token = llama_sampler_sample(s.sampler.get(), context, -1);
    if (llama_vocab_is_eog(s.vocab, token) && !s.options.exact_tokens) {
      break;
    }
    probability_sum += token_probability(llama_get_logits_ith(context, -1), n_vocab, token);
    ++completion.generated_tokens;
    completion.text += token_text(s.vocab, token);
    if (const size_t newline = completion.text.find('\n'); newline != std::string::npos && !s.options.exact_tokens) {
      const bool has_content = completion.text.find_first_not_of(" \t\r\n") < newline;
      // A fence opening ("```bash\n") is not the answer yet.
      const bool in_fence =
          completion.text.rfind("```", 0) != std::string::npos && completion.text.find("```", 3) == std::string::npos;
      if (has_content && !in_fence) {
        break;
      }
    }
    if (llama_decode(context, llama_batch_get_one(&token, 1)) != 0) {
      return unexpected("llama.cpp failed while generating with " + s.options.model_path,
                        "set CARO_LLAMA_LOG=1 to see llama.cpp's messages");
    }
  }
  completion.timing_ms.emplace_back("generate", milliseconds_since(phase));
  completion.mean_probability = completion.generated_tokens > 0 ? probability_sum / completion.generated_tokens : 0.0;
  return completion;
}

#else // no llama.cpp in this build

struct LlamaEngine::State
{
};

LlamaEngine::LlamaEngine(std::unique_ptr<State> state) : m_state(std::move(state))
{
}

LlamaEngine::~LlamaEngine() = default;

Expected<std::unique_ptr<LlamaEngine>> LlamaEngine::load(const EngineOptions&)
{
  return unexpected("this caro was built without llama.cpp, so it cannot run a local model",
                    "use -b static (or -b auto), or rebuild caro with -DCARO_WITH_LLAMA=ON");
}

Expected<Completion> LlamaEngine::complete(const std::vector<ChatTurn>&, const ChatTurn&)
{
  return unexpected("this caro was built without llama.cpp, so it cannot run a local model");
}

#endif

} // namespace caro::backends
