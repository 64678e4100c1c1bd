#pragma once

// `caro stats` and `caro history` output: a table with latency histograms for
// people, JSON for scripts, and the Prometheus text exposition format
// (version 0.0.4) for a node-exporter textfile collector. Pure functions of
// the report, so every format is unit-tested without a database.

#include "caro/telemetry/record.h"
#include "caro/telemetry/stats.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace caro::telemetry {

struct TableStyle
{
  bool unicode = true; // block characters for bars; ASCII '#' otherwise
  int bar_width = 40;  // columns of the longest bar
};

std::string format_table(const StatsReport& report, const TableStyle& style);
nlohmann::json stats_json(const StatsReport& report);
// Latencies in seconds, as Prometheus' base units ask.
std::string format_prometheus(const StatsReport& report);

// A horizontal bar `fraction` (0..1) of `width` columns: eighth blocks in
// unicode, '#' per whole column in ASCII.
std::string draw_bar(double fraction, int width, bool unicode);

std::string format_history(const std::vector<HistoryEntry>& entries);
nlohmann::json history_json(const std::vector<HistoryEntry>& entries);

// "2026-11-27 09:41:07" in UTC.
std::string utc_time(std::int64_t timestamp_ms);

} // namespace caro::telemetry
