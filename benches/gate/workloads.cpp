// caro_gate_workload NAME: one fixed, deterministic workload per hot path,
// run under callgrind by scripts/perf-gate, which compares its instruction
// count with benches/gate/baseline.txt. Single-threaded throughout (the
// model runs on one thread), so the count does not depend on scheduling.
//
//   static-corpus      the static matcher answers the 1000-request corpus
//   validation-corpus  the validator assesses the 500-command corpus
//   embedded-tiny      the tiny test model: load, prompt, 32 tokens

#include "../support/bench_context.h"
#include "caro/backends/embedded/embedded_backend.h"
#include "caro/backends/static/static_matcher.h"
#include "caro/safety/validator.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> read_lines(const std::string& path)
{
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && !line.starts_with('#')) {
      lines.push_back(line);
    }
  }
  return lines;
}

int static_corpus()
{
  const auto requests = read_lines(std::string(CARO_SOURCE_DIR) + "/benches/static_matcher/corpus.txt");
  if (requests.size() < 1000) {
    std::fputs("caro_gate_workload: the static corpus has fewer than 1000 requests\n", stderr);
    return 1;
  }
  caro::backends::StaticMatcher matcher;
  const auto context = caro::bench::gnu_context();
  std::size_t answered = 0;
  for (const auto& request : requests) {
    const auto generation = matcher.generate({request, &context});
    answered += generation && !generation->candidates.empty() ? 1 : 0;
  }
  std::printf("static-corpus: %zu requests, %zu answered\n", requests.size(), answered);
  return 0;
}

int validation_corpus()
{
  auto commands = read_lines(std::string(CARO_SOURCE_DIR) + "/benches/validation/corpus.txt");
  if (commands.size() < 500) {
    std::fputs("caro_gate_workload: the validation corpus has fewer than 500 commands\n", stderr);
    return 1;
  }
  for (auto& command : commands) {
    // A literal \n stands for a newline (here-documents), as in bench_validation.
    std::string unescaped;
    for (std::size_t i = 0; i < command.size(); ++i) {
      const bool escape = command[i] == '\\' && i + 1 < command.size() && command[i + 1] == 'n';
      unescaped.push_back(escape ? '\n' : command[i]);
      i += escape ? 1 : 0;
    }
    command = std::move(unescaped);
  }
  const caro::safety::Validator validator;
  std::size_t dangerous = 0;
  for (const auto& command : commands) {
    dangerous += validator.assess(command).risk >= caro::Risk::high ? 1 : 0;
  }
  std::printf("validation-corpus: %zu commands, %zu high or critical\n", commands.size(), dangerous);
  return 0;
}

int embedded_tiny()
{
#ifdef CARO_TEST_MODEL_DIR
  caro::backends::EmbeddedOptions options{
      std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf",
      caro::fixed_environment({{"HOME", "/nonexistent"}, {"CARO_BENCH_EXACT_TOKENS", "32"}})};
  options.threads = 1;
  options.prefix_cache = false;
  caro::backends::EmbeddedBackend backend(std::move(options));
  const auto context = caro::bench::gnu_context();
  const auto generation = backend.generate({"list every file in this directory with sizes and dates", &context});
  if (!generation) {
    std::fprintf(stderr, "caro_gate_workload: %s\n", generation.error().message.c_str());
    return 1;
  }
  std::printf("embedded-tiny: done\n");
  return 0;
#else
  std::fputs("caro_gate_workload: this build has no llama.cpp, so no embedded workload\n", stderr);
  return 1;
#endif
}

} // namespace

int main(int argc, char** argv)
{
  const std::string_view name = argc == 2 ? argv[1] : "";
  if (name == "static-corpus") {
    return static_corpus();
  }
  if (name == "validation-corpus") {
    return validation_corpus();
  }
  if (name == "embedded-tiny") {
    return embedded_tiny();
  }
  std::fputs("usage: caro_gate_workload static-corpus|validation-corpus|embedded-tiny\n", stderr);
  return 2;
}
