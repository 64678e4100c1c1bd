#include "caro/backends/chain.h"

#include <chrono>

namespace caro::backends {

ChainResult generate_with_chain(const std::vector<std::unique_ptr<Generator>>& generators,
                                const GenerationRequest& request)
{
  ChainResult result;
  for (const auto& generator : generators) {
    const std::string name(generator->name());
    const auto availability = generator->availability();
    if (!availability.usable) {
      result.attempts.push_back({name, "unavailable: " + availability.reason, 0.0});
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    auto generation = generator->generate(request);
    const double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!generation) {
      result.attempts.push_back({name, "error: " + generation.error().message, elapsed});
      result.last_error = generation.error();
      continue;
    }
    for (const auto& [phase, ms] : generation->timing_ms) {
      result.timing_ms.emplace_back(name + "." + phase, ms);
    }
    if (generation->candidates.empty()) {
      const std::string reason =
          generation->declined_reason.empty() ? "no confident answer" : generation->declined_reason;
      result.attempts.push_back({name, "declined: " + reason, elapsed});
      continue;
    }
    result.attempts.push_back({name, "answered", elapsed});
    result.candidate = std::move(generation->candidates.front());
    result.backend = name;
    break;
  }
  return result;
}

} // namespace caro::backends
