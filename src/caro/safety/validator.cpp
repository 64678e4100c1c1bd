// The public entry point: a thin shell over Analysis. Construction does no
// work (the rule tables generated at build time are compiled once, on the
// first assess(), in about a tenth of a millisecond), so a Validator can be
// created per use.

#include "caro/safety/validator.h"

#include "caro/safety/analysis.h"

#include <exception>

namespace caro::safety {

Assessment Validator::assess(std::string_view command, Platform platform) const
{
  // The rules describe GNU, BSD and BusyBox commands alike for now; the
  // platform is accepted so that dialect-specific rules can use it later.
  static_cast<void>(platform);
  Assessment assessment;
  try {
    assessment.findings = Analysis(command).run();
  } catch (const std::exception& error) {
    // Only resource exhaustion can get here; never let a command through unrated.
    assessment.findings = {Finding{"parse.error", Risk::high,
                                   std::string("The command could not be checked: ") + error.what(), "",
                                   Span{0, command.size()}}};
  }
  for (const Finding& finding : assessment.findings) {
    assessment.risk = max_risk(assessment.risk, finding.risk);
  }
  return assessment;
}

} // namespace caro::safety
