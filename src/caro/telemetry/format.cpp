// The output formats of `caro stats` and `caro history` (see format.h).

#include "caro/telemetry/format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace caro::telemetry {
namespace {

// Shortest text that reads back as the same double, for machine formats.
std::string number(double value)
{
  if (!std::isfinite(value)) {
    return value > 0 ? "+Inf" : (value < 0 ? "-Inf" : "NaN");
  }
  // Nine significant digits: nanoseconds for second values, with no float noise.
  return fmt::format("{:.9g}", value);
}

// Label values escape backslash, double quote and newline (exposition format).
std::string label_value(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string bucket_label(std::size_t index)
{
  if (index >= k_bucket_bounds_ms.size()) {
    return fmt::format(">{:g} ms", k_bucket_bounds_ms.back());
  }
  const double bound = k_bucket_bounds_ms[index];
  return bound >= 1000 ? fmt::format("<={:g} s", bound / 1000) : fmt::format("<={:g} ms", bound);
}

nlohmann::json summary_json(const LatencySummary& summary)
{
  return {{"mean", summary.mean}, {"p50", summary.p50}, {"p95", summary.p95},
          {"p99", summary.p99},   {"min", summary.min}, {"max", summary.max}};
}

void append_histogram(std::string& out, const BackendStats& stats, const TableStyle& style)
{
  const auto& buckets = stats.histogram;
  const auto first = std::find_if(buckets.begin(), buckets.end(), [](std::size_t n) { return n > 0; });
  if (first == buckets.end()) {
    return;
  }
  const auto last = std::find_if(buckets.rbegin(), buckets.rend(), [](std::size_t n) { return n > 0; }).base();
  const std::size_t most = *std::max_element(buckets.begin(), buckets.end());
  out += fmt::format("\n{} latency (total)\n", stats.backend);
  for (auto it = first; it != last; ++it) {
    const auto index = static_cast<std::size_t>(it - buckets.begin());
    const double fraction = static_cast<double>(*it) / static_cast<double>(most);
    const std::string bar = draw_bar(fraction, style.bar_width, style.unicode);
    out += fmt::format("  {:>10} {:>7}{}{}\n", bucket_label(index), *it, bar.empty() ? "" : " ", bar);
  }
}

} // namespace

std::string utc_time(std::int64_t timestamp_ms)
{
  const auto seconds = static_cast<std::time_t>(timestamp_ms / 1000);
  std::tm parts{};
  ::gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
  return text;
}

std::string draw_bar(double fraction, int width, bool unicode)
{
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (!unicode) {
    const auto columns = static_cast<std::size_t>(std::lround(fraction * width));
    return std::string(std::max<std::size_t>(columns, fraction > 0 ? 1 : 0), '#');
  }
  // U+2588 FULL BLOCK, then U+2589..U+258F for seven eighths down to one.
  static constexpr const char* k_eighths[] = {"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"};
  auto eighths = static_cast<long>(std::lround(fraction * width * 8));
  if (eighths == 0 && fraction > 0) {
    eighths = 1;
  }
  std::string bar;
  for (long i = 0; i < eighths / 8; ++i) {
    bar += "\u2588";
  }
  bar += k_eighths[eighths % 8];
  return bar;
}

std::string format_table(const StatsReport& report, const TableStyle& style)
{
  std::string out;
  const std::string period =
      report.since_ms ? fmt::format("since {} UTC (last {})", utc_time(report.now_ms - *report.since_ms), report.period)
                      : std::string("in all");
  out += fmt::format("{} generation{} {}\n", report.count, report.count == 1 ? "" : "s", period);
  if (report.backends.empty()) {
    return out;
  }
  out += fmt::format("\n{:<10} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}\n", "backend", "count", "errors", "mean ms",
                     "p50 ms", "p95 ms", "p99 ms");
  for (const auto& stats : report.backends) {
    out += fmt::format("{:<10} {:>7} {:>6.1f}% {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f}\n", stats.backend, stats.count,
                       stats.error_rate() * 100, stats.total.mean, stats.total.p50, stats.total.p95, stats.total.p99);
  }
  out += "\nstages, mean ms\n";
  out += fmt::format("{:<10} {:>9} {:>9} {:>9} {:>9}\n", "backend", "context", "generate", "validate", "total");
  for (const auto& stats : report.backends) {
    out += fmt::format("{:<10} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f}\n", stats.backend, stats.context.mean,
                       stats.generate.mean, stats.validate.mean, stats.total.mean);
  }
  for (const auto& stats : report.backends) {
    append_histogram(out, stats, style);
  }
  out += fmt::format("\npercentiles: {}\n", k_percentile_method);
  return out;
}

nlohmann::json stats_json(const StatsReport& report)
{
  nlohmann::json doc;
  doc["period"] = report.period;
  doc["since_ms"] = report.since_ms ? nlohmann::json(report.now_ms - *report.since_ms) : nlohmann::json(nullptr);
  doc["now_ms"] = report.now_ms;
  doc["count"] = report.count;
  doc["percentile_method"] = std::string(k_percentile_method);
  doc["backends"] = nlohmann::json::array();
  for (const auto& stats : report.backends) {
    nlohmann::json histogram = nlohmann::json::array();
    for (std::size_t i = 0; i < stats.histogram.size(); ++i) {
      histogram.push_back(
          {{"le_ms", i < k_bucket_bounds_ms.size() ? nlohmann::json(k_bucket_bounds_ms[i]) : nlohmann::json(nullptr)},
           {"count", stats.histogram[i]}});
    }
    doc["backends"].push_back({{"backend", stats.backend},
                               {"count", stats.count},
                               {"errors", stats.errors},
                               {"error_rate", stats.error_rate()},
                               {"executed", stats.executed},
                               {"latency_ms", summary_json(stats.total)},
                               {"stages_ms",
                                {{"context", summary_json(stats.context)},
                                 {"generate", summary_json(stats.generate)},
                                 {"validate", summary_json(stats.validate)}}},
                               {"histogram", histogram}});
  }
  return doc;
}

std::string format_prometheus(const StatsReport& report)
{
  std::string out;
  out += "# HELP caro_generation_latency_seconds Time caro took from request to checked command.\n";
  out += "# TYPE caro_generation_latency_seconds summary\n";
  for (const auto& stats : report.backends) {
    const std::string backend = label_value(stats.backend);
    for (const auto& [quantile, value] :
         {std::pair{"0.5", stats.total.p50}, std::pair{"0.95", stats.total.p95}, std::pair{"0.99", stats.total.p99}}) {
      out += fmt::format("caro_generation_latency_seconds{{backend=\"{}\",quantile=\"{}\"}} {}\n", backend, quantile,
                         number(value / 1000));
    }
    out += fmt::format("caro_generation_latency_seconds_sum{{backend=\"{}\"}} {}\n", backend,
                       number(stats.total.sum / 1000));
    out += fmt::format("caro_generation_latency_seconds_count{{backend=\"{}\"}} {}\n", backend, stats.count);
  }
  const auto counter = [&out, &report](std::string_view name, std::string_view help, auto value_of) {
    out += fmt::format("# HELP {} {}\n# TYPE {} counter\n", name, help, name);
    for (const auto& stats : report.backends) {
      out += fmt::format("{}{{backend=\"{}\"}} {}\n", name, label_value(stats.backend), value_of(stats));
    }
  };
  counter("caro_generations_total", "Generations recorded.", [](const BackendStats& s) { return s.count; });
  counter("caro_generation_errors_total", "Generations that produced no command.",
          [](const BackendStats& s) { return s.errors; });
  counter("caro_commands_executed_total", "Generated commands that caro ran.",
          [](const BackendStats& s) { return s.executed; });
  return out;
}

std::string format_history(const std::vector<HistoryEntry>& entries)
{
  std::string out;
  for (const auto& entry : entries) {
    out += fmt::format("{}  {:<8} {:<8} {}{}\n", utc_time(entry.timestamp_ms), entry.backend,
                       entry.risk.empty() ? "-" : entry.risk, entry.request, entry.executed ? "  (ran)" : "");
    out += fmt::format("    {}\n", entry.command.empty() ? "(no command)" : entry.command);
  }
  return out;
}

nlohmann::json history_json(const std::vector<HistoryEntry>& entries)
{
  nlohmann::json doc = nlohmann::json::array();
  for (const auto& entry : entries) {
    doc.push_back({{"timestamp_ms", entry.timestamp_ms},
                   {"time", utc_time(entry.timestamp_ms) + "Z"},
                   {"request", entry.request},
                   {"command", entry.command.empty() ? nlohmann::json(nullptr) : nlohmann::json(entry.command)},
                   {"backend", entry.backend},
                   {"risk", entry.risk},
                   {"executed", entry.executed}});
  }
  return doc;
}

} // namespace caro::telemetry
