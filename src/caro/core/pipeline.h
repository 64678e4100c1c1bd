#pragma once

// One request, start to finish, without any terminal: ask the backends, check
// the winner with the safety validator, and decide what the safety mode
// allows. The front end prints the Outcome and asks the user; other callers
// (tests, a future daemon) use it as it is.

#include "caro/backends/chain.h"
#include "caro/config/settings.h"
#include "caro/context/execution_context.h"
#include "caro/safety/assessment.h"
#include "caro/safety/policy.h"
#include "caro/safety/validator.h"

#include <optional>
#include <string>

namespace caro {

// How long the pipeline's stages took, in milliseconds. The front end adds
// the context detection it does before calling generate_command.
struct StageTimings
{
  double context_ms = 0;
  double generate_ms = 0; // asking the backends, until one answered or all declined
  double validate_ms = 0; // the safety validator and policy (0 without a command)
  double total_ms() const { return context_ms + generate_ms + validate_ms; }
};

struct Outcome
{
  std::optional<Candidate> candidate;
  std::string backend;
  safety::Assessment assessment;
  safety::PolicyDecision decision;
  backends::ChainResult chain; // attempts and per-backend timings
  Timings timing_ms;           // pipeline phases: generate, validate
  StageTimings stages;         // the same, as fields (context is the caller's to fill)
  // Set when the backend's command was declined because it is rated lower
  // than the destructive request asks for (safety/request_intent.h); the
  // candidate is then empty and chain.last_error explains why.
  std::string declined;
};

// Checks an edited or generated command under the current settings.
struct Verdict
{
  safety::Assessment assessment;
  safety::PolicyDecision decision;
};
Verdict judge(const safety::Validator& validator, std::string_view command, const config::Settings& settings,
              Platform platform);

// Validates what the backends answered and checks the request itself: a
// destructive request answered with a command rated lower than it asks for
// is declined (no candidate; `declined` and chain.last_error say why).
Outcome judge_answer(const std::string& request, backends::ChainResult chain, const config::Settings& settings,
                     Platform platform, const safety::Validator& validator);

Outcome generate_command(const std::string& request, const ExecutionContext& context, const config::Settings& settings,
                         const safety::Validator& validator);

} // namespace caro
