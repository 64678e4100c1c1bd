// `caro stats` and `caro history`: read the telemetry database and print it
// (table, JSON or Prometheus text), or delete its rows with --clear. Reading
// never creates a database: with none there is simply nothing recorded yet.

#include "caro/cli/app.h"
#include "caro/cli/session.h"
#include "caro/cli/terminal.h"
#include "caro/telemetry/format.h"
#include "caro/telemetry/paths.h"
#include "caro/telemetry/stats.h"
#include "caro/telemetry/store.h"
#include "caro/util/strings.h"

#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace caro::cli {
namespace {

std::int64_t now_ms()
{
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Whether the user's locale encodes text as UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
bool utf8_locale(const EnvLookup& env)
{
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    if (const auto value = non_empty(env, name)) {
      const std::string lower = util::to_lower_ascii(*value);
      return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
  }
  return false;
}

struct OpenedStore
{
  std::optional<telemetry::Store> store; // empty: no database yet
  std::string path;
};

// Opens the database when it exists; an Error when it exists and cannot be opened.
Expected<OpenedStore> open_existing(const Session& session)
{
  auto path = telemetry::database_path(session.env);
  if (!path) {
    return unexpected(path.error());
  }
  OpenedStore opened;
  opened.path = *path;
  std::error_code error;
  if (!std::filesystem::exists(*path, error)) {
    return opened;
  }
  telemetry::OpenReport report;
  auto store = telemetry::Store::open(*path, &report);
  if (!report.moved_aside.empty()) {
    print_warning("the telemetry database " + *path + " was damaged; it was moved to " + report.moved_aside +
                  " and a new one was started");
  }
  if (!store) {
    return unexpected(store.error().message, "check the permissions of " + *path);
  }
  opened.store.emplace(std::move(*store));
  return opened;
}

// `--clear`: runs one of the store's clear functions (nothing to clear when
// there is no database yet) and says how many records went.
int clear_records(const Session& session, OpenedStore& opened, Expected<std::size_t> (telemetry::Store::*clear)(),
                  std::string_view one, std::string_view many)
{
  std::size_t count = 0;
  if (opened.store) {
    auto cleared = ((*opened.store).*clear)();
    if (!cleared) {
      print_error({"cannot clear " + opened.path + ": " + cleared.error().message, ""});
      return k_exit_usage;
    }
    count = *cleared;
  }
  if (!session.options.quiet) {
    std::fputs(fmt::format("caro: deleted {} {} from {}\n", count, count == 1 ? one : many, opened.path).c_str(),
               stderr);
  }
  return k_exit_ok;
}

} // namespace

int run_stats(Session& session)
{
  const auto& options = session.options;
  const std::string format =
      options.format.value_or(session.config.settings.output == OutputFormat::json ? "json" : "table");
  if (format != "table" && format != "json" && format != "prometheus") {
    print_error({fmt::format("invalid value \"{}\" for --format", format), "use table, json or prometheus"});
    return k_exit_usage;
  }
  auto period = telemetry::parse_period(options.since);
  if (!period) {
    print_error({"--since: " + period.error().message, period.error().hint});
    return k_exit_usage;
  }
  auto opened = open_existing(session);
  if (!opened) {
    print_error(opened.error());
    return k_exit_usage;
  }

  if (options.clear) {
    return clear_records(session, *opened, &telemetry::Store::clear_generations, "generation record",
                         "generation records");
  }

  telemetry::StatsReport report;
  const std::int64_t now = now_ms();
  if (opened->store) {
    auto records = opened->store->generations(*period ? std::optional<std::int64_t>(now - **period) : std::nullopt);
    if (!records) {
      print_error({"cannot read " + opened->path + ": " + records.error().message, ""});
      return k_exit_usage;
    }
    report = telemetry::compute_stats(*records);
  }
  report.period = options.since;
  report.since_ms = *period;
  report.now_ms = now;

  if (format == "json") {
    std::fputs((telemetry::stats_json(report).dump(2) + "\n").c_str(), stdout);
  } else if (format == "prometheus") {
    std::fputs(telemetry::format_prometheus(report).c_str(), stdout);
  } else {
    const bool unicode = is_terminal(STDOUT_FILENO) && utf8_locale(session.env);
    std::fputs(telemetry::format_table(report, {unicode, 40}).c_str(), stdout);
    if (!session.config.settings.telemetry && !options.quiet) {
      std::fputs("caro: telemetry is off, so nothing new is recorded; `caro config set telemetry true` turns it on\n",
                 stderr);
    }
  }
  return k_exit_ok;
}

int run_history(Session& session)
{
  const auto& options = session.options;
  auto opened = open_existing(session);
  if (!opened) {
    print_error(opened.error());
    return k_exit_usage;
  }
  if (options.clear) {
    return clear_records(session, *opened, &telemetry::Store::clear_history, "history entry", "history entries");
  }
  std::vector<telemetry::HistoryEntry> entries;
  if (opened->store) {
    auto read = opened->store->history(options.limit);
    if (!read) {
      print_error({"cannot read " + opened->path + ": " + read.error().message, ""});
      return k_exit_usage;
    }
    entries = std::move(*read);
  }
  if (session.config.settings.output == OutputFormat::json) {
    std::fputs((telemetry::history_json(entries).dump(2) + "\n").c_str(), stdout);
    return k_exit_ok;
  }
  std::fputs(telemetry::format_history(entries).c_str(), stdout);
  const auto& settings = session.config.settings;
  if ((!settings.history || !settings.telemetry) && !options.quiet) {
    std::fputs("caro: history is not being kept; `caro config set telemetry true` and "
               "`caro config set history true` turn it on\n",
               stderr);
  }
  return k_exit_ok;
}

} // namespace caro::cli
