// Percentiles against values worked out by hand, summaries, the histogram
// buckets, and the --since parser.

#include "caro/telemetry/stats.h"

#include <gtest/gtest.h>

#include <vector>

namespace caro::telemetry {
namespace {

GenerationRecord generation(std::string backend, double total_ms, bool success = true)
{
  GenerationRecord record;
  record.backend = std::move(backend);
  record.total_ms = total_ms;
  record.context_ms = total_ms / 4;
  record.generate_ms = total_ms / 2;
  record.validate_ms = total_ms / 4;
  record.success = success;
  return record;
}

TEST(TelemetryPercentile, InterpolatesLinearlyBetweenClosestRanks)
{
  // n = 4: h = 3q. q=0.5: h=1.5 -> 20 + 0.5*(30-20) = 25. q=0.95: h=2.85 -> 30 + 0.85*10 = 38.5.
  // q=0.99: h=2.97 -> 39.7. q=0.25: h=0.75 -> 10 + 0.75*10 = 17.5.
  const std::vector<double> four{10, 20, 30, 40};
  EXPECT_DOUBLE_EQ(percentile(four, 0.5), 25.0);
  EXPECT_DOUBLE_EQ(percentile(four, 0.95), 38.5);
  EXPECT_DOUBLE_EQ(percentile(four, 0.99), 39.7);
  EXPECT_DOUBLE_EQ(percentile(four, 0.25), 17.5);
  EXPECT_DOUBLE_EQ(percentile(four, 0.0), 10.0);
  EXPECT_DOUBLE_EQ(percentile(four, 1.0), 40.0);
}

TEST(TelemetryPercentile, MatchesHandComputedValuesOnOneToHundred)
{
  // 1..100: h = 99q; p50 -> h = 49.5 -> 50.5; p95 -> h = 94.05 -> 95.05; p99 -> h = 98.01 -> 99.01.
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) {
    values.push_back(i);
  }
  EXPECT_NEAR(percentile(values, 0.50), 50.5, 1e-9);
  EXPECT_NEAR(percentile(values, 0.95), 95.05, 1e-9);
  EXPECT_NEAR(percentile(values, 0.99), 99.01, 1e-9);
}

TEST(TelemetryPercentile, OneValueAndNoValues)
{
  const std::vector<double> one{7.5};
  EXPECT_DOUBLE_EQ(percentile(one, 0.99), 7.5);
  EXPECT_DOUBLE_EQ(percentile(std::vector<double>{}, 0.5), 0.0);
}

TEST(TelemetrySummary, SortsItsInputAndReportsMeanMinMaxAndSum)
{
  const LatencySummary summary = summarize({40, 10, 30, 20});
  EXPECT_EQ(summary.count, 4u);
  EXPECT_DOUBLE_EQ(summary.mean, 25.0);
  EXPECT_DOUBLE_EQ(summary.sum, 100.0);
  EXPECT_DOUBLE_EQ(summary.min, 10.0);
  EXPECT_DOUBLE_EQ(summary.max, 40.0);
  EXPECT_DOUBLE_EQ(summary.p50, 25.0);
  EXPECT_DOUBLE_EQ(summary.p95, 38.5);
}

TEST(TelemetryStats, GroupsByBackendMostUsedFirstWithErrorRates)
{
  const StatsReport report =
      compute_stats({generation("embedded", 400), generation("static", 0.3), generation("static", 0.4),
                     generation("static", 2, false), generation("embedded", 600, false)});
  EXPECT_EQ(report.count, 5u);
  ASSERT_EQ(report.backends.size(), 2u);
  EXPECT_EQ(report.backends[0].backend, "static");
  EXPECT_EQ(report.backends[0].count, 3u);
  EXPECT_EQ(report.backends[0].errors, 1u);
  EXPECT_NEAR(report.backends[0].error_rate(), 1.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(report.backends[0].total.p50, 0.4);
  EXPECT_EQ(report.backends[1].backend, "embedded");
  EXPECT_DOUBLE_EQ(report.backends[1].total.mean, 500.0);
  EXPECT_DOUBLE_EQ(report.backends[1].generate.mean, 250.0);
  EXPECT_DOUBLE_EQ(report.backends[1].error_rate(), 0.5);
}

TEST(TelemetryStats, HistogramBucketsAreInclusiveUpperBounds)
{
  const StatsReport report = compute_stats(
      {generation("static", 0.1), generation("static", 0.11), generation("static", 0.5), generation("static", 20000)});
  const auto& histogram = report.backends.at(0).histogram;
  EXPECT_EQ(histogram[0], 1u); // <= 0.1
  EXPECT_EQ(histogram[1], 1u); // <= 0.25
  EXPECT_EQ(histogram[2], 1u); // <= 0.5
  EXPECT_EQ(histogram.back(), 1u);
}

TEST(TelemetryPeriod, ParsesUnitsAndAll)
{
  EXPECT_EQ(parse_period("30m").value(), 30 * 60 * 1000LL);
  EXPECT_EQ(parse_period("24h").value(), 24 * 3600 * 1000LL);
  EXPECT_EQ(parse_period("7d").value(), 7 * 24 * 3600 * 1000LL);
  EXPECT_EQ(parse_period("2w").value(), 14 * 24 * 3600 * 1000LL);
  EXPECT_EQ(parse_period("90s").value(), 90 * 1000LL);
  EXPECT_FALSE(parse_period("all").value().has_value());
}

TEST(TelemetryPeriod, RejectsAnythingElseSayingWhatIsAccepted)
{
  for (const char* bad : {"", "7", "d", "7x", "-1d", "0h", "1.5d", "7 d", "ALL", "99999999999999d"}) {
    const auto parsed = parse_period(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_NE(parsed.error().hint.find("24h"), std::string::npos);
  }
}

} // namespace
} // namespace caro::telemetry
