#include "caro/safety/policy.h"

#include <gtest/gtest.h>

namespace caro::safety {
namespace {

struct Expectation
{
  SafetyMode mode;
  Risk risk;
  bool blocked;
  bool confirm;
};

TEST(Policy, EachModeBlocksAndConfirmsAsDocumented)
{
  const Expectation table[] = {
      {SafetyMode::strict, Risk::safe, false, false},     {SafetyMode::strict, Risk::moderate, false, true},
      {SafetyMode::strict, Risk::high, true, false},      {SafetyMode::strict, Risk::critical, true, false},
      {SafetyMode::moderate, Risk::safe, false, false},   {SafetyMode::moderate, Risk::moderate, false, true},
      {SafetyMode::moderate, Risk::high, false, true},    {SafetyMode::moderate, Risk::critical, true, false},
      {SafetyMode::permissive, Risk::safe, false, false}, {SafetyMode::permissive, Risk::moderate, false, false},
      {SafetyMode::permissive, Risk::high, false, false}, {SafetyMode::permissive, Risk::critical, false, true},
  };
  for (const auto& row : table) {
    const auto decision = decide(row.risk, row.mode);
    EXPECT_EQ(decision.blocked, row.blocked) << to_string(row.mode) << "/" << to_string(row.risk);
    EXPECT_EQ(decision.needs_confirmation, row.confirm) << to_string(row.mode) << "/" << to_string(row.risk);
  }
}

TEST(Policy, YesSkipsConfirmationOnlyUpToModerate)
{
  EXPECT_TRUE(yes_may_skip_confirmation(Risk::safe));
  EXPECT_TRUE(yes_may_skip_confirmation(Risk::moderate));
  EXPECT_FALSE(yes_may_skip_confirmation(Risk::high));
  EXPECT_FALSE(yes_may_skip_confirmation(Risk::critical));
}

} // namespace
} // namespace caro::safety
