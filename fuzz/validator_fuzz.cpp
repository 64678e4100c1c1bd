// libFuzzer target for the safety validator: any byte string is assessed,
// and the result must keep the validator's promises. A crash, leak, sanitizer
// report, timeout or broken invariant here is a bug: the validator must rate
// every input, never fail on one.

#include "caro/safety/validator.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void require(bool condition)
{
  if (!condition) {
    __builtin_trap();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view command(reinterpret_cast<const char*>(data), size);
  const caro::safety::Validator validator;
  const caro::safety::Assessment assessment = validator.assess(command);

  caro::Risk highest = caro::Risk::safe;
  for (const caro::safety::Finding& finding : assessment.findings) {
    require(!finding.rule_id.empty());
    require(finding.span.begin <= finding.span.end && finding.span.end <= size); // spans point into the input
    if (finding.rule_id.starts_with("parse.")) {
      require(finding.risk >= caro::Risk::high); // what cannot be read is never safe
    }
    if (finding.risk > highest) {
      highest = finding.risk;
    }
  }
  require(assessment.risk == highest);
  if (command.find_first_not_of(" \t\n") == std::string_view::npos) {
    require(assessment.risk >= caro::Risk::high); // empty: parse.empty
  }
  return 0;
}
