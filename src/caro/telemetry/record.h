#pragma once

// What telemetry records about one generation, and what history keeps. A
// GenerationRecord holds no text the user typed or caro produced: only the
// backend, timings, outcome, a coarse category and a hash of the request.

#include <cstdint>
#include <string>

namespace caro::telemetry {

struct GenerationRecord
{
  std::int64_t timestamp_ms = 0; // Unix time in milliseconds
  std::string backend;           // "static", "embedded", "remote", or "none" when nothing answered
  double context_ms = 0;
  double generate_ms = 0;
  double validate_ms = 0;
  double total_ms = 0;
  bool success = false;     // a command was produced (blocked ones count: the backend answered)
  std::string risk;         // "safe".."critical", "" without a command
  bool executed = false;    // caro ran the command
  std::string category;     // coarse request category, "unknown" when none is known
  std::string request_hash; // hex sha256 of the salted request
};

struct HistoryEntry
{
  std::int64_t timestamp_ms = 0;
  std::string request;
  std::string command; // empty when no command was produced
  std::string backend;
  std::string risk;
  bool executed = false;
};

} // namespace caro::telemetry
