// What each safety mode does with each risk level.

#include "caro/safety/policy.h"

#include <gtest/gtest.h>

namespace caro::safety {
namespace {

TEST(Policy, StrictBlocksHighAndConfirmsModerate)
{
  EXPECT_TRUE(decide(Risk::critical, SafetyMode::strict).blocked);
  EXPECT_TRUE(decide(Risk::high, SafetyMode::strict).blocked);
  EXPECT_FALSE(decide(Risk::moderate, SafetyMode::strict).blocked);
  EXPECT_TRUE(decide(Risk::moderate, SafetyMode::strict).needs_confirmation);
  EXPECT_FALSE(decide(Risk::safe, SafetyMode::strict).needs_confirmation);
}

TEST(Policy, ModerateBlocksCriticalAndConfirmsHighAndModerate)
{
  EXPECT_TRUE(decide(Risk::critical, SafetyMode::moderate).blocked);
  EXPECT_FALSE(decide(Risk::high, SafetyMode::moderate).blocked);
  EXPECT_TRUE(decide(Risk::high, SafetyMode::moderate).needs_confirmation);
  EXPECT_TRUE(decide(Risk::moderate, SafetyMode::moderate).needs_confirmation);
  EXPECT_FALSE(decide(Risk::safe, SafetyMode::moderate).needs_confirmation);
}

TEST(Policy, PermissiveOnlyConfirmsCritical)
{
  EXPECT_FALSE(decide(Risk::critical, SafetyMode::permissive).blocked);
  EXPECT_TRUE(decide(Risk::critical, SafetyMode::permissive).needs_confirmation);
  EXPECT_FALSE(decide(Risk::high, SafetyMode::permissive).needs_confirmation);
}

TEST(Policy, YesSkipsOnlyModerateAndSafeConfirmations)
{
  EXPECT_TRUE(yes_may_skip_confirmation(Risk::safe));
  EXPECT_TRUE(yes_may_skip_confirmation(Risk::moderate));
  EXPECT_FALSE(yes_may_skip_confirmation(Risk::high));
  EXPECT_FALSE(yes_may_skip_confirmation(Risk::critical));
}

} // namespace
} // namespace caro::safety
