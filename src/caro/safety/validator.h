#pragma once

// The one validator every command passes through, whichever backend produced
// it. Depends only on its parser and its rules, so any backend or tool can
// share it.

#include "caro/core/types.h"
#include "caro/safety/assessment.h"

#include <string_view>

namespace caro::safety {

class Validator
{
public:
  Validator() = default;
  ~Validator() = default;
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // Classifies a command. Never throws; a command that cannot be understood
  // is rated at least high, with a finding that says so.
  Assessment assess(std::string_view command, Platform platform = Platform::gnu) const;
};

} // namespace caro::safety
