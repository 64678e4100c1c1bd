#include "caro/core/types.h"

#include <gtest/gtest.h>

namespace caro {
namespace {

TEST(Types, EveryNameRoundTrips)
{
  for (auto risk : {Risk::safe, Risk::moderate, Risk::high, Risk::critical}) {
    EXPECT_EQ(parse_risk(to_string(risk)), risk);
  }
  for (auto shell : {Shell::bash, Shell::zsh, Shell::fish, Shell::sh}) {
    EXPECT_EQ(parse_shell(to_string(shell)), shell);
  }
  for (auto platform : {Platform::gnu, Platform::bsd, Platform::busybox}) {
    EXPECT_EQ(parse_platform(to_string(platform)), platform);
  }
  for (auto backend :
       {BackendChoice::automatic, BackendChoice::static_matcher, BackendChoice::embedded, BackendChoice::remote}) {
    EXPECT_EQ(parse_backend(to_string(backend)), backend);
  }
  EXPECT_EQ(to_string(BackendChoice::automatic), "auto");
  EXPECT_EQ(to_string(BackendChoice::static_matcher), "static");
}

TEST(Types, ParsersRejectOtherSpellings)
{
  EXPECT_FALSE(parse_risk("Critical"));
  EXPECT_FALSE(parse_shell("tcsh"));
  EXPECT_FALSE(parse_platform("macos"));
  EXPECT_FALSE(parse_safety_mode(""));
  EXPECT_FALSE(parse_backend("automatic"));
}

TEST(Types, RiskOrderingAndRaising)
{
  EXPECT_LT(Risk::safe, Risk::moderate);
  EXPECT_LT(Risk::high, Risk::critical);
  EXPECT_EQ(max_risk(Risk::moderate, Risk::high), Risk::high);
  EXPECT_EQ(raise_risk(Risk::safe), Risk::moderate);
  EXPECT_EQ(raise_risk(Risk::high), Risk::critical);
  EXPECT_EQ(raise_risk(Risk::critical), Risk::critical);
}

} // namespace
} // namespace caro
