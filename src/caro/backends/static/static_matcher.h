#pragma once

// The static matcher: answers common requests instantly and offline by
// extracting typed slots (sizes, times, names, extensions, paths, counts) from
// the request and building the command from them. It declines (returns no
// candidate) whenever it is not confident, so the chain can ask another backend.

#include "caro/backends/generator.h"

namespace caro::backends {

class StaticMatcher final : public Generator
{
public:
  explicit StaticMatcher(double min_confidence = 0.6);

  std::string_view name() const override { return "static"; }
  Availability availability() const override;
  Expected<Generation> generate(const GenerationRequest& request) override;

private:
  double m_min_confidence;
};

} // namespace caro::backends
