// caro_bench_report: the two views of saved benchmark runs that
// scripts/bench offers (docs/performance.md).
//
//   caro_bench_report compare A_DIR B_DIR
//       per benchmark: A and B (median with repetitions), the change, each
//       run's spread (cv), and a verdict that calls any change smaller than
//       twice the larger spread noise (like critcmp's comparison).
//   caro_bench_report table RESULTS_DIR TARGETS_JSON
//       the markdown table of figures against caro's aims and the guide's
//       targets, from benches/targets.json.

#include "bench_results.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <string>

namespace {

using caro::bench::Figure;
using caro::bench::read_results;
using caro::bench::to_nanoseconds;

std::string format_time(double nanoseconds)
{
  if (nanoseconds >= 1e9) {
    return fmt::format("{:.3g} s", nanoseconds / 1e9);
  }
  if (nanoseconds >= 1e6) {
    return fmt::format("{:.4g} ms", nanoseconds / 1e6);
  }
  if (nanoseconds >= 1e3) {
    return fmt::format("{:.4g} µs", nanoseconds / 1e3);
  }
  return fmt::format("{:.4g} ns", nanoseconds);
}

std::string format_spread(const std::optional<double>& cv)
{
  return cv ? fmt::format("±{:.1f}%", *cv * 100.0) : std::string("±?");
}

int compare(const std::string& a_dir, const std::string& b_dir)
{
  const auto a = read_results(a_dir);
  const auto b = read_results(b_dir);
  if (a.empty() || b.empty()) {
    std::fprintf(stderr, "caro_bench_report: no results in %s\n", (a.empty() ? a_dir : b_dir).c_str());
    return 1;
  }
  std::size_t width = 9;
  for (const auto& [name, figure] : a) {
    width = std::max(width, name.size());
  }
  fmt::print("{:<{}}  {:>12} {:>8}  {:>12} {:>8}  {:>8}  {}\n", "benchmark", width, "A", "spread", "B", "spread",
             "change", "verdict");
  for (const auto& [name, before] : a) {
    const auto found = b.find(name);
    if (found == b.end()) {
      fmt::print("{:<{}}  only in A\n", name, width);
      continue;
    }
    const Figure& after = found->second;
    const double a_ns = to_nanoseconds(before.real_time, before.time_unit);
    const double b_ns = to_nanoseconds(after.real_time, after.time_unit);
    const double change = a_ns > 0 ? (b_ns - a_ns) / a_ns : 0.0;
    // Without repetitions the spread is unknown: any change under 5 % is called noise.
    const double noise = std::max(before.cv.value_or(0.025), after.cv.value_or(0.025)) * 2.0;
    const char* verdict = std::fabs(change) <= noise ? "~ within noise" : (change < 0 ? "faster" : "SLOWER");
    fmt::print("{:<{}}  {:>12} {:>8}  {:>12} {:>8}  {:>+7.1f}%  {}\n", name, width, format_time(a_ns),
               format_spread(before.cv), format_time(b_ns), format_spread(after.cv), change * 100.0, verdict);
  }
  for (const auto& [name, figure] : b) {
    if (a.find(name) == a.end()) {
      fmt::print("{:<{}}  only in B\n", name, width);
    }
  }
  return 0;
}

// The value a target row asks for, in the row's unit.
std::optional<double> target_value(const Figure& figure, const nlohmann::json& row)
{
  const std::string value = row.value("value", std::string("real_time"));
  const std::string unit = row.value("unit", std::string("ns"));
  const double scale = row.value("scale", 1.0);
  const auto time_in_unit = [&](double time) {
    return to_nanoseconds(time, figure.time_unit) / to_nanoseconds(1.0, unit);
  };
  if (value == "real_time") {
    return time_in_unit(figure.real_time) * scale;
  }
  if (value == "p95") {
    return figure.p95 ? std::optional<double>(time_in_unit(*figure.p95) * scale) : std::nullopt;
  }
  if (value.rfind("counter:", 0) == 0) {
    const auto found = figure.counters.find(value.substr(8));
    return found != figure.counters.end() ? std::optional<double>(found->second * scale) : std::nullopt;
  }
  if (value == "time_per_item") { // from items_per_second
    const auto found = figure.counters.find("items_per_second");
    if (found == figure.counters.end() || found->second <= 0) {
      return std::nullopt;
    }
    return 1e9 / found->second / to_nanoseconds(1.0, unit) * scale;
  }
  return std::nullopt;
}

// A figure by name; a name ending in '*' means the slowest of the figures
// it prefixes (a family's worst case).
const Figure* find_figure(const std::map<std::string, Figure>& figures, const std::string& name)
{
  if (name.empty() || name.back() != '*') {
    const auto found = figures.find(name);
    return found != figures.end() ? &found->second : nullptr;
  }
  const std::string prefix = name.substr(0, name.size() - 1);
  const Figure* slowest = nullptr;
  for (const auto& [key, figure] : figures) {
    if (key.rfind(prefix, 0) == 0 &&
        (slowest == nullptr ||
         to_nanoseconds(figure.real_time, figure.time_unit) > to_nanoseconds(slowest->real_time, slowest->time_unit))) {
      slowest = &figure;
    }
  }
  return slowest;
}

int table(const std::string& results_dir, const std::string& targets_file)
{
  const auto figures = read_results(results_dir);
  std::ifstream in(targets_file);
  const nlohmann::json targets = nlohmann::json::parse(in, nullptr, false);
  if (targets.is_discarded() || !targets.is_array()) {
    std::fprintf(stderr, "caro_bench_report: %s is not a JSON array of targets\n", targets_file.c_str());
    return 1;
  }
  fmt::print("| What | Measured | caro's aim | Guide / original | Aim met |\n");
  fmt::print("|---|---|---|---|---|\n");
  for (const auto& row : targets) {
    const std::string what = row.value("what", std::string());
    const std::string unit_label = row.value("unit_label", row.value("unit", std::string()));
    std::string measured = "not measured";
    std::string met = "–";
    std::optional<double> value;
    if (row.contains("ratio_of")) { // median time of one figure over another's
      const Figure* top = find_figure(figures, row["ratio_of"][0].get<std::string>());
      const Figure* bottom = find_figure(figures, row["ratio_of"][1].get<std::string>());
      if (top != nullptr && bottom != nullptr && bottom->real_time > 0) {
        value = to_nanoseconds(top->real_time, top->time_unit) / to_nanoseconds(bottom->real_time, bottom->time_unit);
      }
    } else if (const Figure* figure = find_figure(figures, row.value("figure", std::string()))) {
      value = target_value(*figure, row);
    }
    {
      if (value) {
        measured = fmt::format("{:.4g} {}", *value, unit_label);
        if (row.contains("at_most")) {
          met = *value <= row["at_most"].get<double>() ? "yes" : "**no**";
        } else if (row.contains("at_least")) {
          met = *value >= row["at_least"].get<double>() ? "yes" : "**no**";
        }
      }
    }
    fmt::print("| {} | {} | {} | {} | {} |\n", what, measured, row.value("aim", std::string("–")),
               row.value("guide", std::string("–")), met);
  }
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "compare" && argc == 4) {
    return compare(argv[2], argv[3]);
  }
  if (command == "table" && argc == 4) {
    return table(argv[2], argv[3]);
  }
  std::fputs("usage: caro_bench_report compare A_DIR B_DIR\n"
             "       caro_bench_report table RESULTS_DIR TARGETS_JSON\n",
             stderr);
  return 2;
}
