// Validator throughput and worst cases. The corpus (corpus.txt, beside this
// file) is ~500 real commands, everyday and dangerous; the throughput
// benchmark reports checks per second single-threaded (items_per_second).
// The worst-case benchmarks build hostile inputs up to 100 KB (long
// pipelines and lists, deep nesting, huge quoted strings, many $(...)) to
// show the time stays roughly linear: no input of that size should need
// more than 10 ms. Commands over 8 KB are refused unread (rated critical), so
// the 8 KB cases are the slowest ones that are actually parsed.

#include "caro/safety/rule_source.h"
#include "caro/safety/rules.h"
#include "caro/safety/validator.h"
#include "caro/util/embedded_files.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> load_corpus()
{
  std::vector<std::string> commands;
  std::ifstream in(std::string(CARO_BENCH_DIR) + "/corpus.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    // A literal \n stands for a newline (here-documents).
    for (std::size_t at = line.find("\\n"); at != std::string::npos; at = line.find("\\n", at + 1)) {
      line.replace(at, 2, 1, '\n');
    }
    commands.push_back(line);
  }
  return commands;
}

void corpus_throughput(benchmark::State& state)
{
  const std::vector<std::string> corpus = load_corpus();
  if (corpus.size() < 500) {
    state.SkipWithError("corpus.txt holds fewer than 500 commands");
    return;
  }
  const caro::safety::Validator validator;
  std::size_t dangerous = 0;
  for (auto _ : state) {
    dangerous = 0;
    for (const std::string& command : corpus) {
      const caro::safety::Assessment assessment = validator.assess(command);
      dangerous += assessment.risk >= caro::Risk::high ? 1 : 0;
      benchmark::DoNotOptimize(assessment);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * corpus.size()));
  state.counters["commands"] = static_cast<double>(corpus.size());
  state.counters["high_or_critical"] = static_cast<double>(dangerous);
}
BENCHMARK(corpus_throughput)->Unit(benchmark::kMillisecond);

void validator_construction(benchmark::State& state)
{
  for (auto _ : state) {
    const caro::safety::Validator validator;
    benchmark::DoNotOptimize(&validator);
  }
}
BENCHMARK(validator_construction);

// What the first check in a fresh process pays to get its rules: compiling
// the tables generated from rules.toml at build time (what all_rules() does
// once), against parsing the TOML itself (what it did before).
void rules_from_generated_tables(benchmark::State& state)
{
  for (auto _ : state) {
    caro::Expected<caro::safety::RuleSet> rules =
        caro::safety::compile_rules(caro::safety::generated_rule_source(), "rules.toml");
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(rules_from_generated_tables)->Unit(benchmark::kMicrosecond);

void rules_from_toml(benchmark::State& state)
{
  const std::optional<std::string_view> text = caro::util::embedded_file("safety/data/rules.toml");
  if (!text) {
    state.SkipWithError("rules.toml is not embedded");
    return;
  }
  for (auto _ : state) {
    caro::Expected<caro::safety::RuleSet> rules = caro::safety::load_rules(*text);
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(rules_from_toml)->Unit(benchmark::kMicrosecond);

// Construction plus one small check: what a one-shot `caro validate` pays
// once its rules are loaded.
void first_check(benchmark::State& state)
{
  for (auto _ : state) {
    const caro::safety::Validator validator;
    benchmark::DoNotOptimize(validator.assess("ls -la"));
  }
}
BENCHMARK(first_check);

std::string repeat_to(std::string_view unit, std::size_t size, std::string_view prefix = {},
                      std::string_view suffix = {})
{
  std::string text(prefix);
  while (text.size() + unit.size() + suffix.size() <= size) {
    text += unit;
  }
  text += suffix;
  return text;
}

std::string nested(std::string_view open, std::string_view core, std::string_view close, std::size_t size)
{
  std::string text;
  std::size_t levels = size / (open.size() + close.size());
  std::string left;
  std::string right;
  for (std::size_t i = 0; i < levels; ++i) {
    left += open;
    right += close;
  }
  text = left + std::string(core) + right;
  return text;
}

std::string worst_case(int shape, std::size_t size)
{
  switch (shape) {
  case 0:
    return repeat_to("grep -v x | ", size, {}, "cat");
  case 1:
    return repeat_to("true && ", size, {}, "rm -rf /");
  case 2:
    return nested("$(", "rm -rf /", ")", size);
  case 3:
    return nested("(", "ls", ")", size);
  case 4:
    return repeat_to("a", size, "echo '", "'");
  case 5:
    return repeat_to("$(date) ", size, "echo ");
  case 6:
    return repeat_to("\"$HOME\" 'x' \\y ", size, "rm -rf ");
  case 7:
    return repeat_to("echo x\n", size, "bash <<EOF\n", "EOF\n");
  case 8:
    return nested("bash -c \"", "rm -rf /", "\"", size);
  case 9:
    return std::string(size, '(');
  case 10:
    return repeat_to("`", size);
  default:
    return repeat_to("if a; then b; fi; ", size);
  }
}

constexpr const char* k_shape_names[] = {
    "long_pipeline", "long_and_list", "nested_substitution", "nested_subshells", "huge_quoted", "many_substitutions",
    "many_words",    "huge_heredoc",  "nested_bash_c",       "unclosed_parens",  "backquotes",  "many_ifs"};

void worst(benchmark::State& state)
{
  const int shape = static_cast<int>(state.range(0));
  const auto size = static_cast<std::size_t>(state.range(1));
  const std::string input = worst_case(shape, size);
  const caro::safety::Validator validator;
  for (auto _ : state) {
    benchmark::DoNotOptimize(validator.assess(input));
  }
  state.SetLabel(k_shape_names[shape]);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(worst)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 11, 1), {1024, 8 * 1024, 10 * 1024, 100 * 1024}})
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
