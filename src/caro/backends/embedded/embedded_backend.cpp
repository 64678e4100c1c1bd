// The embedded backend (see embedded_backend.h): wiring between model
// resolution, file checks, the llama.cpp engine and the response parser.

#include "caro/backends/embedded/embedded_backend.h"

#include "caro/backends/embedded/gguf_check.h"
#include "caro/backends/embedded/llama_engine.h"
#include "caro/backends/embedded/model_catalog.h"
#include "caro/backends/embedded/prefix_cache.h"
#include "caro/backends/embedded/prompt_builder.h"
#include "caro/backends/embedded/response_parser.h"
#include "caro/util/strings.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace caro::backends {
namespace {

#if !CARO_HAVE_LLAMA
constexpr const char* k_not_built = "this caro was built without llama.cpp, so it cannot run a local model";
#endif

// Confidence is the mean probability the model gave its own tokens, scaled
// down a little: a small model can be sure and wrong, and the static matcher's
// hand-written rules deserve to win ties.
constexpr double k_confidence_scale = 0.9;

} // namespace

EmbeddedBackend::EmbeddedBackend(EmbeddedOptions options) : m_options(std::move(options))
{
  if (!m_options.env) {
    m_options.env = process_environment();
  }
}

EmbeddedBackend::~EmbeddedBackend() = default;

Availability EmbeddedBackend::availability() const
{
#if CARO_HAVE_LLAMA
  auto location = resolve_model(m_options.model, m_options.env);
  if (!location) {
    return {false, location.error().message};
  }
  struct stat info
  {
  };
  if (::stat(location->path.c_str(), &info) != 0) {
    // "llama.cpp" in the reason says which engine is missing its model.
    if (!location->catalog_id.empty()) {
      return {false, "llama.cpp has no model to run: model " + location->catalog_id +
                         " is not downloaded; run caro model pull " + location->catalog_id};
    }
    return {false, "llama.cpp has no model to run: model file " + location->path + " does not exist"};
  }
  return {true, "llama.cpp with " + location->path};
#else
  return {false, k_not_built};
#endif
}

Expected<Generation> EmbeddedBackend::generate(const GenerationRequest& request)
{
#if CARO_HAVE_LLAMA
  Generation generation;
  if (!m_engine) {
    const auto start = std::chrono::steady_clock::now();
    auto location = resolve_model(m_options.model, m_options.env);
    if (!location) {
      return unexpected(location.error());
    }
    auto checked = check_model_file(location->path, location->catalog_id);
    if (!checked) {
      return unexpected(checked.error());
    }
    generation.timing_ms.emplace_back(
        "check", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    EngineOptions options;
    options.model_path = location->path;
    options.catalog_id = location->catalog_id;
    options.threads = m_options.threads;
    if (options.threads <= 0) {
      // The `embedded.threads` setting (CARO_THREADS over the config file)
      // arrives in m_options.threads; a caller that passes none still gets
      // the variable honoured here.
      if (auto threads = non_empty(m_options.env, "CARO_THREADS")) {
        options.threads = static_cast<int>(std::clamp(util::parse_integer(*threads).value_or(0), 0L, 1024L));
      }
    }
    options.max_tokens = m_options.max_tokens;
    // Benchmarks compare runs by a fixed amount of work: CARO_BENCH_EXACT_TOKENS=N
    // generates exactly N tokens, whatever the model says (docs/performance.md).
    if (auto exact = non_empty(m_options.env, "CARO_BENCH_EXACT_TOKENS")) {
      options.max_tokens = static_cast<int>(std::clamp(util::parse_integer(*exact).value_or(1), 1L, 4096L));
      options.exact_tokens = true;
    }
    options.log = non_empty(m_options.env, "CARO_LLAMA_LOG").has_value();
    // CARO_HUGE_PAGES=0 keeps the heap on 4 KiB pages (benchmarks measure the difference).
    const auto huge_pages = non_empty(m_options.env, "CARO_HUGE_PAGES");
    options.huge_pages = !(huge_pages && *huge_pages == "0");
    // CARO_PREFIX_CACHE=0 turns the cache off for one run (benchmarks measure what it saves).
    const auto cache_switch = non_empty(m_options.env, "CARO_PREFIX_CACHE");
    if (m_options.prefix_cache && !(cache_switch && *cache_switch == "0")) {
      options.cache_dir = prefix_cache_directory(m_options.env);
    }
    auto engine = LlamaEngine::load(options);
    if (!engine) {
      return unexpected(engine.error());
    }
    m_engine = std::move(*engine);
  }
  const ExecutionContext empty_context;
  const ExecutionContext& context = request.context != nullptr ? *request.context : empty_context;
  auto completion = m_engine->complete(build_prefix_turns(context), build_request_turn(context, request.text));
  if (!completion) {
    return unexpected(completion.error());
  }
  for (auto& timing : completion->timing_ms) {
    generation.timing_ms.push_back(std::move(timing));
  }
  const ParsedResponse parsed = parse_response(completion->text);
  if (!parsed.has_command()) {
    generation.declined_reason = parsed.declined_reason;
    return generation;
  }
  Candidate candidate;
  candidate.command = parsed.command;
  candidate.confidence = completion->mean_probability * k_confidence_scale;
  candidate.explanation = "generated by the local model";
  generation.candidates.push_back(std::move(candidate));
  return generation;
#else
  (void)request;
  return unexpected(std::string("the embedded backend is not available: ") + k_not_built,
                    "use -b static (or -b auto), or rebuild caro with the embedded backend");
#endif
}

} // namespace caro::backends
