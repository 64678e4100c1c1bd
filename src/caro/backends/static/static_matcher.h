#pragma once

// The static matcher: answers common requests instantly and offline by
// extracting typed slots (sizes, times, names, extensions, paths, counts) from
// the request and building the command from them. It declines (returns no
// candidate) whenever it is not confident, so the chain can ask another backend.

#include "caro/backends/generator.h"

#include <memory>

namespace caro::backends {

namespace static_matcher {
struct IntentTables;
struct Engine;
} // namespace static_matcher

class StaticMatcher final : public Generator
{
public:
  // The matcher over the intent tables generated at build time. The answer's
  // confidence must reach max(min_confidence, the category's floor from the
  // data, the category's threshold calibrated from its examples).
  explicit StaticMatcher(double min_confidence = 0.6);
  // Over other tables (the build-time generator calibrating thresholds, with
  // category thresholds off so that it sees every raw confidence).
  StaticMatcher(double min_confidence, const static_matcher::IntentTables& tables, bool category_thresholds);

  std::string_view name() const override { return "static"; }
  Availability availability() const override;
  Expected<Generation> generate(const GenerationRequest& request) override;

private:
  double m_min_confidence;
  bool m_category_thresholds = true;
  std::shared_ptr<const static_matcher::Engine> m_engine; // null: the compiled tables' engine
};

} // namespace caro::backends
