// Static matcher benchmarks: warm time per query for the three reference
// requests and a mixed corpus of 1000 requests (corpus.txt, one per line),
// the cost of constructing a matcher, the first-request setup a process
// pays once (a view over the index generated at build time), and, for
// comparison, what building that index at run time would cost.

#include "caro/backends/static/intent_catalog.h"
#include "caro/backends/static/intent_index.h"
#include "caro/backends/static/intent_tables.h"
#include "caro/backends/static/static_matcher.h"
#include "caro/util/embedded_files.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

namespace {

using caro::GenerationRequest;
using caro::backends::StaticMatcher;

void run_query(benchmark::State& state, const std::string& text)
{
  StaticMatcher matcher;
  caro::ExecutionContext context;
  const GenerationRequest request{text, &context};
  benchmark::DoNotOptimize(matcher.generate(request)); // warm: data parsed, index built
  for (auto _ : state) {
    auto result = matcher.generate(request);
    benchmark::DoNotOptimize(result);
  }
}

void BM_ListFiles(benchmark::State& state)
{
  run_query(state, "list files");
}
BENCHMARK(BM_ListFiles);

void BM_FilesLargerThan100MB(benchmark::State& state)
{
  run_query(state, "files larger than 100MB");
}
BENCHMARK(BM_FilesLargerThan100MB);

void BM_FindModifiedTodayLargerThan1GBExcludingNodeModules(benchmark::State& state)
{
  run_query(state, "find files modified today larger than 1GB excluding node_modules");
}
BENCHMARK(BM_FindModifiedTodayLargerThan1GBExcludingNodeModules);

std::vector<std::string> corpus()
{
  std::vector<std::string> lines;
  std::ifstream in(CARO_BENCH_DIR "/corpus.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

// Per request: items_per_second is requests per second over the whole corpus.
void BM_MixedCorpus(benchmark::State& state)
{
  const std::vector<std::string> requests = corpus();
  if (requests.empty()) {
    state.SkipWithError("corpus.txt is missing or empty");
    return;
  }
  StaticMatcher matcher;
  caro::ExecutionContext context;
  std::size_t answered = 0;
  for (const auto& text : requests) {
    auto result = matcher.generate(GenerationRequest{text, &context});
    answered += result.has_value() && !result->candidates.empty() ? 1 : 0;
  }
  state.counters["requests"] = static_cast<double>(requests.size());
  state.counters["answered"] = static_cast<double>(answered);
  for (auto _ : state) {
    for (const auto& text : requests) {
      auto result = matcher.generate(GenerationRequest{text, &context});
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(requests.size()));
}
BENCHMARK(BM_MixedCorpus)->Unit(benchmark::kMillisecond);

void BM_ConstructMatcher(benchmark::State& state)
{
  for (auto _ : state) {
    StaticMatcher matcher(0.6);
    benchmark::DoNotOptimize(matcher);
  }
}
BENCHMARK(BM_ConstructMatcher);

// What the first query of a process pays once for the index: a view over the
// tables generated at build time.
void BM_CompiledIndexView(benchmark::State& state)
{
  using namespace caro::backends::static_matcher;
  for (auto _ : state) {
    IntentIndex index(compiled_intent_tables());
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_CompiledIndexView);

// What the build-time generator does (and what every process paid before it
// existed): parsing every data file and building the BM25 index.
void BM_ParseDataAndBuildIndex(benchmark::State& state)
{
  using namespace caro::backends::static_matcher;
  for (auto _ : state) {
    IntentCatalog catalog;
    for (std::string_view name : caro::util::embedded_file_names()) {
      if (name.ends_with(".intents")) {
        parse_intents(*caro::util::embedded_file(name), name, catalog);
      }
    }
    IntentIndex index(catalog);
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_ParseDataAndBuildIndex)->Unit(benchmark::kMicrosecond);

void BM_ParseDataOnly(benchmark::State& state)
{
  using namespace caro::backends::static_matcher;
  for (auto _ : state) {
    IntentCatalog catalog;
    for (std::string_view name : caro::util::embedded_file_names()) {
      if (name.ends_with(".intents")) {
        parse_intents(*caro::util::embedded_file(name), name, catalog);
      }
    }
    benchmark::DoNotOptimize(catalog);
  }
}
BENCHMARK(BM_ParseDataOnly)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
