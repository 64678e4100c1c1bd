// Memory per request: heap bytes allocated, allocation count and peak live
// heap (counting_allocator.h) for a static request through the whole
// pipeline, a validation, and an embedded request on the tiny test model;
// the peak RSS of a whole cold `caro -b static` process (bar: under 10 MB);
// and the live heap after 1,000 and after 10,000 repeated in-process static
// requests, whose difference must be zero (no leak, no unbounded cache).

#include "../support/bench_context.h"
#include "caro/backends/embedded/embedded_backend.h"
#include "caro/core/pipeline.h"
#include "caro/safety/validator.h"
#include "caro/util/subprocess.h"
#include "counting_allocator.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using caro::bench::heap_counters;
using caro::bench::HeapCounters;
using caro::bench::reset_heap_peak;

caro::config::Settings static_settings()
{
  caro::config::Settings settings;
  settings.backend = caro::BackendChoice::static_matcher;
  return settings;
}

double self_peak_rss_mb()
{
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Runs `work` once per iteration and reports what one run allocates.
template<typename Work> void measure_heap(benchmark::State& state, Work&& work)
{
  work(); // warm: lazily built tables are not per-request cost
  const HeapCounters before = heap_counters();
  reset_heap_peak();
  for (auto _ : state) {
    work();
  }
  const HeapCounters after = heap_counters();
  const auto runs = static_cast<double>(state.iterations());
  state.counters["bytes_per_request"] = static_cast<double>(after.allocated_bytes - before.allocated_bytes) / runs;
  state.counters["allocations_per_request"] = static_cast<double>(after.allocations - before.allocations) / runs;
  state.counters["peak_live_heap_kb"] = static_cast<double>(after.peak_live_bytes - before.live_bytes) / 1024.0;
  state.counters["process_peak_rss_mb"] = self_peak_rss_mb();
}

void BM_StaticRequestHeap(benchmark::State& state)
{
  const caro::safety::Validator validator;
  const auto context = caro::bench::gnu_context();
  const auto settings = static_settings();
  measure_heap(state, [&] {
    auto outcome = caro::generate_command("find files larger than 100MB modified today", context, settings, validator);
    benchmark::DoNotOptimize(outcome);
  });
}
BENCHMARK(BM_StaticRequestHeap);

void BM_ValidationHeap(benchmark::State& state)
{
  const caro::safety::Validator validator;
  measure_heap(state, [&] {
    auto assessment = validator.assess("find . -name '*.tmp' -mtime +7 -exec rm -f {} + && echo done");
    benchmark::DoNotOptimize(assessment);
  });
}
BENCHMARK(BM_ValidationHeap);

#ifdef CARO_TEST_MODEL_DIR
void BM_EmbeddedRequestHeap(benchmark::State& state)
{
  const std::filesystem::path home = std::filesystem::temp_directory_path() / "caro-bench-memory";
  std::filesystem::create_directories(home);
  caro::backends::EmbeddedOptions options{
      std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf",
      caro::fixed_environment({{"HOME", home.string()}, {"XDG_CACHE_HOME", (home / "cache").string()}})};
  options.threads = 1;
  caro::backends::EmbeddedBackend backend(std::move(options));
  const auto context = caro::bench::gnu_context();
  // The first request loads the model: report it on its own.
  const HeapCounters before_load = heap_counters();
  reset_heap_peak();
  if (!backend.generate({"list all files", &context})) {
    state.SkipWithError("the tiny test model did not load");
    return;
  }
  const HeapCounters after_load = heap_counters();
  state.counters["first_request_peak_live_heap_mb"] =
      static_cast<double>(after_load.peak_live_bytes - before_load.live_bytes) / (1024.0 * 1024.0);
  measure_heap(state, [&] {
    auto generation = backend.generate({"list all files", &context});
    benchmark::DoNotOptimize(generation);
  });
  std::filesystem::remove_all(home);
}
BENCHMARK(BM_EmbeddedRequestHeap)->Unit(benchmark::kMillisecond);
#endif

// The "peak_rss_kb=N" line caro_peak_rss prints last on stderr.
long peak_rss_kb_of(const std::string& err)
{
  const auto at = err.rfind("peak_rss_kb=");
  return at == std::string::npos ? 0 : std::atol(err.c_str() + at + 12);
}

// The whole cold process, as a user runs it: the bar is a peak RSS under 10 MB.
void BM_StaticProcessPeakRss(benchmark::State& state)
{
  const std::filesystem::path home = std::filesystem::temp_directory_path() / "caro-bench-memory-process";
  std::filesystem::create_directories(home);
  caro::util::CaptureOptions options;
  options.environment = std::vector<std::string>{"HOME=" + home.string(), "PATH=/usr/local/bin:/usr/bin:/bin",
                                                 "SHELL=/bin/bash", "LANG=C.UTF-8"};
  options.timeout = std::chrono::seconds(20);
  const std::vector<std::string> argv{CARO_PEAK_RSS, CARO_BINARY, "-b", "static", "-o", "json", "list files"};
  (void)caro::util::capture(argv, options); // warms the context cache, like any second run
  long peak_kb = 0;
  for (auto _ : state) {
    auto run = caro::util::capture(argv, options);
    if (!run || run->exit_status != 0) {
      state.SkipWithError("caro -b static failed");
      break;
    }
    peak_kb = std::max(peak_kb, peak_rss_kb_of(run->err));
  }
  state.counters["peak_rss_mb"] = static_cast<double>(peak_kb) / 1024.0;
  std::filesystem::remove_all(home);
}
BENCHMARK(BM_StaticProcessPeakRss)->Unit(benchmark::kMillisecond)->Iterations(20);

// 10,000 requests in one process: the live heap after the first 1,000 (all
// lazy tables built) and after all 10,000 must be the same.
void BM_RepeatedStaticRequestsGrowth(benchmark::State& state)
{
  const caro::safety::Validator validator;
  const auto context = caro::bench::gnu_context();
  const auto settings = static_settings();
  const char* requests[] = {"list files", "files larger than 100MB", "show disk usage of each folder",
                            "find python files modified in the last 7 days", "delete everything in my home"};
  std::int64_t growth = 0;
  for (auto _ : state) {
    std::int64_t live_after_warmup = 0;
    for (int i = 0; i < 10'000; ++i) {
      auto outcome = caro::generate_command(requests[i % 5], context, settings, validator);
      benchmark::DoNotOptimize(outcome);
      if (i == 999) {
        live_after_warmup = heap_counters().live_bytes;
      }
    }
    growth = heap_counters().live_bytes - live_after_warmup;
  }
  state.counters["live_heap_growth_bytes"] = static_cast<double>(growth);
  state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_RepeatedStaticRequestsGrowth)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
