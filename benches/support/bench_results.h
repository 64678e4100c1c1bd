#pragma once

// Reading Google Benchmark JSON output (--benchmark_out, one file per
// program) into one figure per benchmark: the median of its repetitions
// when it has them, else the single run, with the run-to-run spread.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace caro::bench {

struct Figure
{
  double real_time = 0.0;                 // in `time_unit`
  std::string time_unit;                  // ns, us, ms, s
  std::optional<double> cv;               // coefficient of variation (0.05 = 5 %), with repetitions
  std::optional<double> p95;              // in `time_unit`, when the benchmark computes it
  std::map<std::string, double> counters; // user counters of the median (or single) run
};

// Figures keyed "<program>/<benchmark name>", program being the file's stem
// ("static_matcher" for static_matcher.json). Unreadable files are skipped
// with a message on stderr.
std::map<std::string, Figure> read_results(const std::filesystem::path& directory);

// Converts a time to nanoseconds.
double to_nanoseconds(double value, const std::string& unit);

} // namespace caro::bench
