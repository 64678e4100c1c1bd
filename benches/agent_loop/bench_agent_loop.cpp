// The request loop as it stands today: generate (backend chain) -> validate
// (safety) -> decide (policy), through caro::generate_command, the function
// the CLI calls. The agent issue grows this into generate -> validate ->
// repair -> refine; these benchmarks keep their names so the history stays
// comparable.

#include "../support/bench_context.h"
#include "caro/core/pipeline.h"

#include <benchmark/benchmark.h>

namespace {

void run_loop(benchmark::State& state, const char* request)
{
  const caro::safety::Validator validator;
  const auto context = caro::bench::gnu_context();
  caro::config::Settings settings;
  settings.backend = caro::BackendChoice::static_matcher;
  benchmark::DoNotOptimize(caro::generate_command(request, context, settings, validator)); // warm
  for (auto _ : state) {
    auto outcome = caro::generate_command(request, context, settings, validator);
    benchmark::DoNotOptimize(outcome);
  }
}

// An everyday request the static matcher answers, rated safe.
void BM_StaticRequestLoop(benchmark::State& state)
{
  run_loop(state, "find files modified today larger than 1GB excluding node_modules");
}
BENCHMARK(BM_StaticRequestLoop)->Unit(benchmark::kMicrosecond);

// A destructive request: the answer is rated and the request check runs.
void BM_DestructiveRequestLoop(benchmark::State& state)
{
  run_loop(state, "delete all log files older than 30 days");
}
BENCHMARK(BM_DestructiveRequestLoop)->Unit(benchmark::kMicrosecond);

// A request no static intent covers: the chain declines and says why.
void BM_DeclinedRequestLoop(benchmark::State& state)
{
  run_loop(state, "summarise the plot of the novel in chapter three");
}
BENCHMARK(BM_DeclinedRequestLoop)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
