#pragma once

// Summaries of the recorded generations: per backend count, error rate and
// latency percentiles, and a latency histogram. SQLite has no percentile
// function, so percentiles are computed here, in C++, from all the
// latencies of the period.
//
// Percentile method: linear interpolation between the closest ranks (the
// "R-7" definition, as numpy.percentile and Excel's PERCENTILE.INC): for q in
// [0, 1] and n sorted values x[0..n-1], h = (n - 1) * q, and the result is
// x[floor(h)] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]).

#include "caro/telemetry/record.h"
#include "caro/util/expected.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caro::telemetry {

inline constexpr std::string_view k_percentile_method = "linear interpolation between closest ranks (R-7)";

// The q-quantile (0 <= q <= 1) of values sorted ascending; 0 for no values.
double percentile(std::span<const double> sorted, double q);

struct LatencySummary
{
  std::size_t count = 0;
  double mean = 0;
  double p50 = 0;
  double p95 = 0;
  double p99 = 0;
  double min = 0;
  double max = 0;
  double sum = 0;
};

// Summarises values in any order.
LatencySummary summarize(std::vector<double> values);

// Histogram buckets' upper bounds in milliseconds (inclusive); one more
// bucket after the last bound holds everything slower. Roughly 1-2.5-5 steps
// from 0.1 ms (the static matcher) to 10 s (a large model on a slow CPU).
inline constexpr std::array<double, 16> k_bucket_bounds_ms{0.1, 0.25, 0.5, 1,   2.5,  5,    10,   25,
                                                           50,  100,  250, 500, 1000, 2500, 5000, 10000};

struct BackendStats
{
  std::string backend;
  std::size_t count = 0;
  std::size_t errors = 0; // generations that produced no command
  std::size_t executed = 0;
  LatencySummary total;                                               // total_ms
  LatencySummary context;                                             // context_ms
  LatencySummary generate;                                            // generate_ms
  LatencySummary validate;                                            // validate_ms
  std::array<std::size_t, k_bucket_bounds_ms.size() + 1> histogram{}; // of total_ms

  double error_rate() const { return count == 0 ? 0.0 : static_cast<double>(errors) / static_cast<double>(count); }
};

struct StatsReport
{
  std::optional<std::int64_t> since_ms; // nullopt: all records
  std::string period;                   // as given: "7d", "all"
  std::int64_t now_ms = 0;
  std::size_t count = 0;
  std::vector<BackendStats> backends; // by count, most used first
};

StatsReport compute_stats(const std::vector<GenerationRecord>& records);

// "7d", "24h", "30m", "90s", "2w" -> that many milliseconds; "all" -> nullopt.
// Anything else is an Error that says what is accepted.
Expected<std::optional<std::int64_t>> parse_period(std::string_view text);

} // namespace caro::telemetry
