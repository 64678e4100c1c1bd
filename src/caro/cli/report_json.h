#pragma once

// The JSON documents of the command-line contract (docs/cli.md): one object
// for a generation, one for `caro validate`.

#include "caro/context/execution_context.h"
#include "caro/core/pipeline.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace caro::cli {

nlohmann::json findings_json(const safety::Assessment& assessment, std::string_view command);

// `outcome` may hold no candidate; then "command" is null and "explanation"
// says why nothing was generated.
nlohmann::json generation_json(const Outcome& outcome, const ExecutionContext& context,
                               std::string_view no_answer_reason, double total_ms, const Timings& extra_timings);

nlohmann::json validation_json(std::string_view command, const Verdict& verdict, Platform platform, SafetyMode mode);

// Warnings and alternatives shown to the user: the backend's own, then the
// validator's findings.
std::vector<std::string> collect_warnings(const Outcome& outcome);
std::vector<std::string> collect_alternatives(const Outcome& outcome);

} // namespace caro::cli
