#pragma once

// Recording one generation in the telemetry database after `caro <REQUEST>`.
// Called only when telemetry is on, so a run with it off never opens (or
// touches) SQLite. Nothing here can fail the command: errors are reported
// with -v only; a damaged database that had to be replaced is a warning.

#include "caro/cli/session.h"
#include "caro/core/pipeline.h"
#include "caro/telemetry/record.h"

#include <string>

namespace caro::cli {

struct GenerationFacts
{
  const std::string& request;
  const Outcome& outcome;
  bool executed = false;
};

// The record for a generation (timestamp and request hash left to the caller).
telemetry::GenerationRecord make_generation_record(const GenerationFacts& facts);

// A coarse category for the request that holds none of its words.
std::string request_category(const std::string& request, const Outcome& outcome);

void record_generation(const Session& session, const GenerationFacts& facts);

} // namespace caro::cli
