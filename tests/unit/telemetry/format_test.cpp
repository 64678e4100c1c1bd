// The output formats of `caro stats` and `caro history`.

#include "caro/telemetry/format.h"

#include <gtest/gtest.h>

#include <sstream>

namespace caro::telemetry {
namespace {

StatsReport sample_report()
{
  std::vector<GenerationRecord> records;
  for (const double ms : {10.0, 20.0, 30.0, 40.0}) {
    GenerationRecord record;
    record.backend = "static";
    record.total_ms = ms;
    record.success = ms < 40;
    record.executed = ms == 10;
    records.push_back(record);
  }
  StatsReport report = compute_stats(records);
  report.period = "all";
  report.now_ms = 1'800'000'000'000;
  return report;
}

TEST(TelemetryPrometheus, WritesASummaryWithQuantilesInSecondsAndCounters)
{
  const std::string text = format_prometheus(sample_report());
  EXPECT_NE(text.find("# TYPE caro_generation_latency_seconds summary\n"), std::string::npos);
  EXPECT_NE(text.find("# HELP caro_generation_latency_seconds "), std::string::npos);
  EXPECT_NE(text.find("caro_generation_latency_seconds{backend=\"static\",quantile=\"0.5\"} 0.025\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("caro_generation_latency_seconds{backend=\"static\",quantile=\"0.95\"} 0.0385\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("caro_generation_latency_seconds_sum{backend=\"static\"} 0.1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("caro_generation_latency_seconds_count{backend=\"static\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE caro_generations_total counter\ncaro_generations_total{backend=\"static\"} 4\n"),
            std::string::npos);
  EXPECT_NE(text.find("caro_generation_errors_total{backend=\"static\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("caro_commands_executed_total{backend=\"static\"} 1\n"), std::string::npos);
}

TEST(TelemetryPrometheus, EveryLineIsACommentOrANameLabelsValueSample)
{
  std::istringstream lines(format_prometheus(sample_report()));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
      continue;
    }
    ASSERT_EQ(line.rfind("caro_", 0), 0u) << line;
    const auto space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    std::size_t used = 0;
    (void)std::stod(line.substr(space + 1), &used);
    EXPECT_EQ(used, line.size() - space - 1) << line;
  }
}

TEST(TelemetryPrometheus, EscapesLabelValues)
{
  StatsReport report = sample_report();
  report.backends[0].backend = "a\"b\\c";
  EXPECT_NE(format_prometheus(report).find("backend=\"a\\\"b\\\\c\""), std::string::npos);
}

TEST(TelemetryJson, HasCountsErrorRatePercentilesAndHistogram)
{
  const auto doc = stats_json(sample_report());
  EXPECT_EQ(doc["count"], 4);
  EXPECT_EQ(doc["period"], "all");
  EXPECT_TRUE(doc["since_ms"].is_null());
  const auto& backend = doc["backends"][0];
  EXPECT_EQ(backend["backend"], "static");
  EXPECT_EQ(backend["errors"], 1);
  EXPECT_DOUBLE_EQ(backend["error_rate"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(backend["latency_ms"]["p50"].get<double>(), 25.0);
  EXPECT_DOUBLE_EQ(backend["latency_ms"]["p99"].get<double>(), 39.7);
  std::size_t total = 0;
  for (const auto& bucket : backend["histogram"]) {
    total += bucket["count"].get<std::size_t>();
  }
  EXPECT_EQ(total, 4u);
  EXPECT_TRUE(backend["histogram"].back()["le_ms"].is_null());
}

TEST(TelemetryTable, ShowsTheBackendRowAndAHistogram)
{
  const std::string unicode = format_table(sample_report(), {true, 20});
  EXPECT_NE(unicode.find("4 generations in all"), std::string::npos) << unicode;
  EXPECT_NE(unicode.find("static           4   25.0%    25.000    25.000    38.500    39.700"), std::string::npos)
      << unicode;
  EXPECT_NE(unicode.find("\u2588"), std::string::npos);
  EXPECT_NE(unicode.find("<=10 ms"), std::string::npos);
  EXPECT_NE(unicode.find("<=50 ms"), std::string::npos);
  EXPECT_EQ(unicode.find("<=0.1 ms"), std::string::npos) << "empty buckets before the first are left out";
  EXPECT_NE(unicode.find(std::string(k_percentile_method)), std::string::npos);

  const std::string ascii = format_table(sample_report(), {false, 20});
  EXPECT_NE(ascii.find('#'), std::string::npos);
  for (const char c : ascii) {
    EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "ASCII only";
  }
}

TEST(TelemetryTable, SaysSoWhenThereIsNothing)
{
  StatsReport empty;
  empty.period = "7d";
  empty.since_ms = 7LL * 24 * 3600 * 1000;
  empty.now_ms = 1'800'000'000'000;
  EXPECT_EQ(format_table(empty, {}), "0 generations since 2027-01-08 08:00:00 UTC (last 7d)\n");
}

TEST(TelemetryBar, DrawsEighthsInUnicodeAndWholeColumnsInAscii)
{
  EXPECT_EQ(draw_bar(1.0, 4, true), "\u2588\u2588\u2588\u2588");
  EXPECT_EQ(draw_bar(0.5, 3, true), "\u2588\u258C"); // 1.5 columns
  EXPECT_EQ(draw_bar(0.0, 4, true), "");
  EXPECT_EQ(draw_bar(0.001, 4, true), "\u258F") << "a non-empty bucket always shows";
  EXPECT_EQ(draw_bar(0.5, 4, false), "##");
  EXPECT_EQ(draw_bar(0.01, 4, false), "#");
}

TEST(TelemetryHistory, ListsTimeBackendRiskRequestAndCommand)
{
  HistoryEntry entry{1'800'000'000'000, "list files", "ls -la", "static", "safe", true};
  HistoryEntry none{1'800'000'001'000, "do magic", "", "static", "", false};
  const std::string text = format_history({entry, none});
  EXPECT_NE(text.find("2027-01-15 08:00:00  static   safe     list files  (ran)\n    ls -la\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("(no command)"), std::string::npos);
  const auto doc = history_json({entry, none});
  EXPECT_EQ(doc[0]["command"], "ls -la");
  EXPECT_TRUE(doc[1]["command"].is_null());
  EXPECT_EQ(doc[0]["executed"], true);
}

} // namespace
} // namespace caro::telemetry
