// Percentiles, summaries, histograms and the --since parser (see stats.h).

#include "caro/telemetry/stats.h"

#include "caro/util/strings.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>

namespace caro::telemetry {

double percentile(std::span<const double> sorted, double q)
{
  if (sorted.empty()) {
    return 0.0;
  }
  q = std::clamp(q, 0.0, 1.0);
  const double h = static_cast<double>(sorted.size() - 1) * q;
  const auto lower = static_cast<std::size_t>(std::floor(h));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  const double fraction = h - static_cast<double>(lower);
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}

LatencySummary summarize(std::vector<double> values)
{
  LatencySummary summary;
  if (values.empty()) {
    return summary;
  }
  std::sort(values.begin(), values.end());
  summary.count = values.size();
  summary.sum = std::accumulate(values.begin(), values.end(), 0.0);
  summary.mean = summary.sum / static_cast<double>(values.size());
  summary.p50 = percentile(values, 0.50);
  summary.p95 = percentile(values, 0.95);
  summary.p99 = percentile(values, 0.99);
  summary.min = values.front();
  summary.max = values.back();
  return summary;
}

StatsReport compute_stats(const std::vector<GenerationRecord>& records)
{
  struct Collected
  {
    BackendStats stats;
    std::vector<double> total, context, generate, validate;
  };
  std::map<std::string, Collected> by_backend;
  for (const auto& record : records) {
    auto& collected = by_backend[record.backend];
    collected.stats.backend = record.backend;
    ++collected.stats.count;
    collected.stats.errors += record.success ? 0 : 1;
    collected.stats.executed += record.executed ? 1 : 0;
    collected.total.push_back(record.total_ms);
    collected.context.push_back(record.context_ms);
    collected.generate.push_back(record.generate_ms);
    collected.validate.push_back(record.validate_ms);
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(k_bucket_bounds_ms.begin(), k_bucket_bounds_ms.end(), record.total_ms) -
        k_bucket_bounds_ms.begin());
    ++collected.stats.histogram[bucket];
  }
  StatsReport report;
  report.count = records.size();
  for (auto& [name, collected] : by_backend) {
    collected.stats.total = summarize(std::move(collected.total));
    collected.stats.context = summarize(std::move(collected.context));
    collected.stats.generate = summarize(std::move(collected.generate));
    collected.stats.validate = summarize(std::move(collected.validate));
    report.backends.push_back(std::move(collected.stats));
  }
  std::stable_sort(report.backends.begin(), report.backends.end(),
                   [](const BackendStats& a, const BackendStats& b) { return a.count > b.count; });
  return report;
}

Expected<std::optional<std::int64_t>> parse_period(std::string_view text)
{
  const auto invalid = [&text] {
    return unexpected("invalid period \"" + std::string(text) + "\"",
                      "give a number and a unit, e.g. 30m, 24h, 7d or 2w (s, m, h, d, w), or all");
  };
  if (text == "all") {
    return std::optional<std::int64_t>();
  }
  if (text.size() < 2) {
    return invalid();
  }
  std::int64_t unit_ms = 0;
  switch (text.back()) {
  case 's':
    unit_ms = 1000;
    break;
  case 'm':
    unit_ms = std::int64_t{60} * 1000;
    break;
  case 'h':
    unit_ms = std::int64_t{3600} * 1000;
    break;
  case 'd':
    unit_ms = std::int64_t{24} * 3600 * 1000;
    break;
  case 'w':
    unit_ms = std::int64_t{7} * 24 * 3600 * 1000;
    break;
  default:
    return invalid();
  }
  const auto amount = util::parse_integer(text.substr(0, text.size() - 1));
  // Up to about 100 years, so the product cannot overflow.
  if (!amount || *amount <= 0 || *amount > 36500LL * 24 * 3600) {
    return invalid();
  }
  return std::optional<std::int64_t>(*amount * unit_ms);
}

} // namespace caro::telemetry
