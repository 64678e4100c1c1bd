// The embedded backend on the random-weight models with the real shapes
// (tools/make_test_model; build target caro_bench_models), each request
// generating exactly 32 tokens (CARO_BENCH_EXACT_TOKENS), for a request of
// about 15 words:
//
//   cold_process/<model>/prefix_cache     a whole `caro -b embedded` run, the
//                                         model file in the page cache and the
//                                         prefix state saved by an earlier run
//   cold_process/<model>/no_prefix_cache  the same with CARO_PREFIX_CACHE=0
//   llama_completion/<model>              stock llama.cpp (tools/completion from
//                                         the same tree): same prompt, same
//                                         threads, 32 tokens (--ignore-eos)
//   llama_simple/<model>                  stock examples/simple, same prompt; it
//                                         always runs llama.cpp's default 4 threads
//                                         (only with CARO_BENCH_LLAMA_SIMPLE=1)
//   warm_request/<model>                  in-process, model already loaded
//
// Process runs use manual time (wall clock of the child), one run per
// repetition, and report mean, median, p95 and the peak RSS of the child.
// Repetitions: CARO_BENCH_REPETITIONS (default 10). Every caro child runs
// with CARO_THREADS = the physical cores, the count llama-completion gets.

#include "caro/backends/embedded/embedded_backend.h"
#include "caro/backends/embedded/llama_engine.h"
#include "caro/backends/embedded/prompt_builder.h"
#include "caro/context/detect.h"
#include "caro/util/subprocess.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr const char* k_request = "find all the log files in this directory that were changed during the last two days";
constexpr int k_tokens = 32;

struct BenchModel
{
  std::string label; // e.g. smollm-135m-q8_0
  std::string path;
};

std::vector<BenchModel> available_models()
{
  std::vector<BenchModel> models;
#ifdef CARO_BENCH_MODEL_DIR
  for (const char* label : {"smollm-135m-q8_0", "qwen2.5-1.5b-q4_k"}) {
    const std::string path = std::string(CARO_BENCH_MODEL_DIR) + "/" + label + ".gguf";
    if (fs::exists(path)) {
      models.push_back({label, path});
    }
  }
#endif
  return models;
}

double percentile_95(const std::vector<double>& values)
{
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  // Nearest rank: the smallest value with at least 95 % of the samples at or below it.
  const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(sorted.size())));
  return sorted.empty() ? 0.0 : sorted[std::max<std::size_t>(rank, 1) - 1];
}

std::string bench_home()
{
  const fs::path home = fs::temp_directory_path() / "caro-bench-embedded";
  fs::create_directories(home);
  return home.string();
}

std::vector<std::string> child_environment(bool prefix_cache)
{
  const char* path = std::getenv("PATH");
  std::vector<std::string> env{"HOME=" + bench_home(),
                               std::string("PATH=") + (path != nullptr ? path : "/usr/bin:/bin"),
                               "SHELL=/bin/bash",
                               "LANG=C.UTF-8",
                               "CARO_BENCH_EXACT_TOKENS=" + std::to_string(k_tokens),
                               "CARO_THREADS=" + std::to_string(caro::backends::physical_cores())};
  if (!prefix_cache) {
    env.emplace_back("CARO_PREFIX_CACHE=0");
  }
  return env;
}

// "peak_rss_kb=N" as printed last on stderr by caro_peak_rss.
long peak_rss_kb_of(const std::string& err)
{
  const auto at = err.rfind("peak_rss_kb=");
  return at == std::string::npos ? 0 : std::atol(err.c_str() + at + 12);
}

// Reads the whole file, untimed, so every timed run starts with the model in
// the page cache, as the figures promise. Needed on machines that reclaim idle
// page cache within seconds (these VMs run DAMON's proactive pageout): without
// it the first run after another model's runs re-reads part of the file from
// disk, and Qwen's cold runs varied from 2.9 to 4.3 s.
void ensure_in_page_cache(const std::string& path)
{
  std::ifstream file(path, std::ios::binary);
  std::vector<char> buffer(1 << 20);
  while (file.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || file.gcount() > 0) {
  }
}

// Runs argv once per iteration through caro_peak_rss, timing the wall clock.
void run_process(benchmark::State& state, const std::vector<std::string>& argv, const std::vector<std::string>& env,
                 const std::string& model_path)
{
  caro::util::CaptureOptions options;
  options.environment = env;
  options.timeout = std::chrono::minutes(5);
  std::vector<std::string> command{CARO_PEAK_RSS};
  command.insert(command.end(), argv.begin(), argv.end());
  long peak_kb = 0;
  for (auto _ : state) {
    ensure_in_page_cache(model_path); // outside the manual timing below
    const auto start = std::chrono::steady_clock::now();
    auto run = caro::util::capture(command, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!run || run->timed_out || run->exit_status >= 128 || peak_rss_kb_of(run->err) == 0) {
      state.SkipWithError(("the run failed: " + (run ? run->err.substr(0, 400) : run.error().message)).c_str());
      return;
    }
    peak_kb = std::max(peak_kb, peak_rss_kb_of(run->err));
    state.SetIterationTime(seconds);
  }
  state.counters["peak_rss_mb"] = static_cast<double>(peak_kb) / 1024.0;
}

std::vector<std::string> caro_argv(const BenchModel& model)
{
  return {CARO_BINARY, "-b", "embedded", "--model", model.path, "-o", "json", k_request};
}

void cold_process(benchmark::State& state, const BenchModel& model, bool prefix_cache)
{
  if (prefix_cache) {
    // Saves the prefix state, as any earlier run with this model would have.
    caro::util::CaptureOptions warm;
    warm.environment = child_environment(true);
    warm.timeout = std::chrono::minutes(5);
    (void)caro::util::capture(caro_argv(model), warm);
  }
  run_process(state, caro_argv(model), child_environment(prefix_cache), model.path);
}

#if defined(CARO_LLAMA_SIMPLE) || defined(CARO_LLAMA_COMPLETION)
// The prompt caro sends, as ChatML text (the random-weight models carry no
// chat template of their own, so caro falls back to ChatML as well).
std::string caro_prompt()
{
  caro::context::DetectOptions options;
  options.env = caro::process_environment();
  options.use_cache = false;
  const caro::ExecutionContext context = caro::context::detect(options).context;
  auto turns = caro::backends::build_prefix_turns(context);
  turns.push_back(caro::backends::build_request_turn(context, k_request));
  return caro::backends::render_chatml(turns, true);
}

#endif

#ifdef CARO_LLAMA_SIMPLE
void llama_simple(benchmark::State& state, const BenchModel& model)
{
  run_process(state, {CARO_LLAMA_SIMPLE, "-m", model.path, "-n", std::to_string(k_tokens), caro_prompt()},
              child_environment(false), model.path);
}
#endif

#ifdef CARO_LLAMA_COMPLETION
// caro's context settings (the 768 tokens caro sizes this prompt's context to,
// 512 per batch, flash attention off), greedy, no warm-up decode (caro does
// none), no conversation mode: the prompt is used as given.
void llama_completion(benchmark::State& state, const BenchModel& model)
{
  run_process(state,
              {CARO_LLAMA_COMPLETION,
               "-m",
               model.path,
               "-p",
               caro_prompt(),
               "-n",
               std::to_string(k_tokens),
               "--ignore-eos",
               "-t",
               std::to_string(caro::backends::physical_cores()),
               "-c",
               "768",
               "-fa",
               "off",
               "-b",
               "512",
               "--temp",
               "0",
               "--no-warmup",
               "-no-cnv",
               "--no-display-prompt",
               "--simple-io"},
              child_environment(false), model.path);
  state.counters["threads"] = caro::backends::physical_cores();
}
#endif

void warm_request(benchmark::State& state, const BenchModel& model)
{
  caro::backends::EmbeddedOptions options{
      model.path,
      caro::fixed_environment({{"HOME", bench_home()}, {"CARO_BENCH_EXACT_TOKENS", std::to_string(k_tokens)}})};
  caro::backends::EmbeddedBackend backend(std::move(options));
  caro::ExecutionContext context;
  context.os = "Linux";
  if (!backend.generate({k_request, &context})) {
    state.SkipWithError("the model did not load");
    return;
  }
  for (auto _ : state) {
    auto generation = backend.generate({k_request, &context});
    benchmark::DoNotOptimize(generation);
  }
  state.counters["tokens_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations() * k_tokens), benchmark::Counter::kIsRate);
}

int repetitions()
{
  const char* text = std::getenv("CARO_BENCH_REPETITIONS");
  const int value = text != nullptr ? std::atoi(text) : 10;
  return std::max(value, 1);
}

} // namespace

int main(int argc, char** argv)
{
  benchmark::Initialize(&argc, argv);
  const auto models = available_models();
  if (models.empty()) {
    std::fputs("bench_embedded_backend: no benchmark models; build the caro_bench_models target "
               "(scripts/bench does)\n",
               stderr);
  }
  const int reps = repetitions();
  for (const BenchModel& model : models) {
    const auto process_benchmark = [&](const std::string& name, auto&& function) {
      benchmark::RegisterBenchmark(name.c_str(), function)
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1)
          ->Repetitions(reps)
          ->ComputeStatistics("p95", percentile_95);
    };
    process_benchmark("cold_process/" + model.label + "/prefix_cache",
                      [model](benchmark::State& state) { cold_process(state, model, true); });
    process_benchmark("cold_process/" + model.label + "/no_prefix_cache",
                      [model](benchmark::State& state) { cold_process(state, model, false); });
#ifdef CARO_LLAMA_COMPLETION
    process_benchmark("llama_completion/" + model.label,
                      [model](benchmark::State& state) { llama_completion(state, model); });
#endif
#ifdef CARO_LLAMA_SIMPLE
    // Opt-in: its fixed 4 threads on a 2-core machine spin for minutes.
    if (std::getenv("CARO_BENCH_LLAMA_SIMPLE") != nullptr) {
      process_benchmark("llama_simple/" + model.label,
                        [model](benchmark::State& state) { llama_simple(state, model); });
    }
#endif
    benchmark::RegisterBenchmark(("warm_request/" + model.label).c_str(),
                                 [model](benchmark::State& state) { warm_request(state, model); })
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
