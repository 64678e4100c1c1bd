#include "caro/safety/policy.h"

namespace caro::safety {

PolicyDecision decide(Risk risk, SafetyMode mode)
{
  switch (mode) {
  case SafetyMode::strict:
    return {risk >= Risk::high, risk == Risk::moderate};
  case SafetyMode::moderate:
    return {risk == Risk::critical, risk == Risk::moderate || risk == Risk::high};
  case SafetyMode::permissive:
    return {false, risk == Risk::critical};
  }
  return {true, true};
}

bool yes_may_skip_confirmation(Risk risk)
{
  return risk <= Risk::moderate;
}

} // namespace caro::safety
