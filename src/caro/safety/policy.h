#pragma once

// What the safety mode does with a risk level: block it, ask first, or let it
// run when the user has asked for execution.

#include "caro/core/types.h"

namespace caro::safety {

struct PolicyDecision
{
  bool blocked = false;
  bool needs_confirmation = false;
};

// strict:     blocks high and critical, confirms moderate.
// moderate:   blocks critical, confirms high and moderate.
// permissive: blocks nothing, confirms critical.
PolicyDecision decide(Risk risk, SafetyMode mode);

// `-y` may skip the confirmation of moderate (and safe) commands only.
bool yes_may_skip_confirmation(Risk risk);

} // namespace caro::safety
