// Google Benchmark JSON reading (see bench_results.h). With repetitions the
// file holds every run plus aggregate rows named "<name>_mean", "_median",
// "_stddev", "_cv" and any custom statistic ("_p95"), each carrying
// run_name and aggregate_name; without, one row per benchmark.

#include "bench_results.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace caro::bench {

double to_nanoseconds(double value, const std::string& unit)
{
  if (unit == "us") {
    return value * 1e3;
  }
  if (unit == "ms") {
    return value * 1e6;
  }
  if (unit == "s") {
    return value * 1e9;
  }
  return value;
}

namespace {

void read_counters(const nlohmann::json& row, Figure& figure)
{
  static const char* const k_standard[] = {"name",
                                           "family_index",
                                           "per_family_instance_index",
                                           "run_name",
                                           "run_type",
                                           "repetitions",
                                           "repetition_index",
                                           "threads",
                                           "iterations",
                                           "real_time",
                                           "cpu_time",
                                           "time_unit",
                                           "aggregate_name",
                                           "aggregate_unit",
                                           "error_occurred",
                                           "error_message"};
  for (const auto& [key, value] : row.items()) {
    bool standard = false;
    for (const char* name : k_standard) {
      standard = standard || key == name;
    }
    if (!standard && value.is_number()) {
      figure.counters[key] = value.get<double>();
    }
  }
}

} // namespace

std::map<std::string, Figure> read_results(const std::filesystem::path& directory)
{
  std::map<std::string, Figure> figures;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    std::ifstream in(entry.path());
    const nlohmann::json document = nlohmann::json::parse(in, nullptr, false);
    if (document.is_discarded() || !document.contains("benchmarks")) {
      std::fprintf(stderr, "caro_bench_report: skipping %s: not Google Benchmark JSON\n", entry.path().c_str());
      continue;
    }
    const std::string program = entry.path().stem().string();
    for (const auto& row : document["benchmarks"]) {
      if (row.value("error_occurred", false)) {
        continue;
      }
      const std::string run_name = row.value("run_name", row.value("name", std::string()));
      Figure& figure = figures[program + "/" + run_name];
      const std::string aggregate = row.value("aggregate_name", std::string());
      const bool is_aggregate = row.value("run_type", std::string()) == "aggregate";
      if (!is_aggregate) {
        if (figure.time_unit.empty()) { // the first run stands in until a median appears
          figure.real_time = row.value("real_time", 0.0);
          figure.time_unit = row.value("time_unit", std::string("ns"));
          read_counters(row, figure);
        }
      } else if (aggregate == "median") {
        figure.real_time = row.value("real_time", 0.0);
        figure.time_unit = row.value("time_unit", std::string("ns"));
        figure.counters.clear();
        read_counters(row, figure);
      } else if (aggregate == "cv") {
        figure.cv = row.value("real_time", 0.0);
      } else if (aggregate == "p95") {
        figure.p95 = row.value("real_time", 0.0);
      }
    }
  }
  return figures;
}

} // namespace caro::bench
