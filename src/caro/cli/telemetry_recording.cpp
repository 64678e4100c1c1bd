// Writing a generation to the telemetry database (see telemetry_recording.h).

#include "caro/cli/telemetry_recording.h"

#include "caro/safety/request_intent.h"
#include "caro/telemetry/paths.h"
#include "caro/telemetry/store.h"

#include <chrono>

namespace caro::cli {
namespace {

std::int64_t now_ms()
{
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Who had the last word: the backend that answered, else the last one asked
// (so a decline counts against that backend's error rate), else "none".
std::string backend_of(const Outcome& outcome)
{
  if (!outcome.backend.empty()) {
    return outcome.backend;
  }
  if (!outcome.chain.attempts.empty()) {
    return outcome.chain.attempts.back().backend;
  }
  return "none";
}

} // namespace

std::string request_category(const std::string& request, const Outcome& outcome)
{
  // A destructive request is recorded as such whatever answered it; otherwise
  // the answering intent's category (static matcher), else "unknown".
  if (safety::classify_request(request).destructive) {
    return "destructive";
  }
  if (outcome.candidate && !outcome.candidate->category.empty()) {
    return outcome.candidate->category;
  }
  return "unknown";
}

telemetry::GenerationRecord make_generation_record(const GenerationFacts& facts)
{
  const Outcome& outcome = facts.outcome;
  telemetry::GenerationRecord record;
  record.backend = backend_of(outcome);
  record.context_ms = outcome.stages.context_ms;
  record.generate_ms = outcome.stages.generate_ms;
  record.validate_ms = outcome.stages.validate_ms;
  record.total_ms = outcome.stages.total_ms();
  record.success = outcome.candidate.has_value();
  record.risk = record.success ? std::string(to_string(outcome.assessment.risk)) : std::string();
  record.executed = facts.executed;
  record.category = request_category(facts.request, outcome);
  return record;
}

void record_generation(const Session& session, const GenerationFacts& facts)
{
  const auto path = telemetry::database_path(session.env);
  if (!path) {
    print_verbose(session, "telemetry: " + path.error().message);
    return;
  }
  telemetry::OpenReport report;
  auto store = telemetry::Store::open(*path, &report);
  if (!report.moved_aside.empty()) {
    print_warning("the telemetry database " + *path + " was damaged; it was moved to " + report.moved_aside +
                  " and a new one was started");
  }
  if (!store) {
    print_verbose(session, "telemetry: not recorded: " + store.error().message);
    return;
  }
  auto record = make_generation_record(facts);
  record.timestamp_ms = now_ms();
  record.request_hash = store->hash_request(facts.request);
  std::optional<telemetry::HistoryEntry> history;
  if (session.config.settings.history) {
    history = telemetry::HistoryEntry{
        record.timestamp_ms, facts.request, facts.outcome.candidate ? facts.outcome.candidate->command : std::string(),
        record.backend,      record.risk,   facts.executed};
  }
  if (auto written = store->record(record, history); !written) {
    print_verbose(session, "telemetry: not recorded: " + written.error().message);
    return;
  }
  print_verbose(session, "telemetry: recorded in " + *path);
}

} // namespace caro::cli
