#include "caro/core/pipeline.h"

#include "caro/backends/backend_factory.h"
#include "caro/safety/request_intent.h"

#include <chrono>

namespace caro {
namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since)
{
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

Verdict judge(const safety::Validator& validator, std::string_view command, const config::Settings& settings,
              Platform platform)
{
  Verdict verdict;
  verdict.assessment = validator.assess(command, platform);
  verdict.decision = safety::decide(verdict.assessment.risk, settings.safety);
  return verdict;
}

Outcome judge_answer(const std::string& request, backends::ChainResult chain, const config::Settings& settings,
                     Platform platform, const safety::Validator& validator)
{
  Outcome outcome;
  outcome.chain = std::move(chain);
  if (!outcome.chain.candidate) {
    return outcome;
  }
  outcome.candidate = outcome.chain.candidate;
  outcome.backend = outcome.chain.backend;
  auto verdict = judge(validator, outcome.candidate->command, settings, platform);
  outcome.assessment = std::move(verdict.assessment);
  outcome.decision = verdict.decision;
  // The request is checked too: a destructive request answered with a command
  // rated below what it asks for gets no command, never a harmless-looking
  // substitute.
  const safety::RequestIntent intent = safety::classify_request(request);
  if (auto reason = safety::substitute_reason(intent, outcome.candidate->command, outcome.assessment)) {
    for (auto& attempt : outcome.chain.attempts) {
      if (attempt.backend == outcome.backend) {
        attempt.outcome = "declined: " + *reason;
      }
    }
    outcome.chain.last_error =
        Error{*reason, "ask for exactly what you want done; caro shows destructive commands with their risk"};
    outcome.declined = std::move(*reason);
    outcome.candidate.reset();
    outcome.assessment = {};
    outcome.decision = {};
  }
  return outcome;
}

Outcome generate_command(const std::string& request, const ExecutionContext& context, const config::Settings& settings,
                         const safety::Validator& validator)
{
  auto start = std::chrono::steady_clock::now();
  const auto generators = backends::make_generators(settings);
  const GenerationRequest generation_request{request, &context};
  backends::ChainResult chain = backends::generate_with_chain(generators, generation_request);
  const double generate_ms = elapsed_ms(start);
  const bool answered = chain.candidate.has_value();

  start = std::chrono::steady_clock::now();
  Outcome outcome = judge_answer(request, std::move(chain), settings, context.platform, validator);
  outcome.stages.generate_ms = generate_ms;
  outcome.timing_ms.emplace_back("generate", generate_ms);
  if (answered) {
    outcome.stages.validate_ms = elapsed_ms(start);
    outcome.timing_ms.emplace_back("validate", outcome.stages.validate_ms);
  }
  return outcome;
}

} // namespace caro
