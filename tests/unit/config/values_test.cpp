// apply() and value_as_text(): one value as text in, the canonical text out.

#include "caro/config/settings.h"

#include <gtest/gtest.h>

namespace caro::config {
namespace {

TEST(ConfigValues, ValueAsTextGivesCanonicalSpellings)
{
  Settings settings;
  EXPECT_EQ(value_as_text(settings, "backend"), "auto");
  EXPECT_EQ(value_as_text(settings, "safety"), "moderate");
  EXPECT_EQ(value_as_text(settings, "shell"), "");
  EXPECT_EQ(value_as_text(settings, "platform"), "");
  EXPECT_EQ(value_as_text(settings, "output"), "plain");
  EXPECT_EQ(value_as_text(settings, "color"), "auto");
  EXPECT_EQ(value_as_text(settings, "model"), "smollm-135m");
  EXPECT_EQ(value_as_text(settings, "static.min_confidence"), "0.6");
  EXPECT_EQ(value_as_text(settings, "nonsense"), "");

  settings.backend = BackendChoice::static_matcher;
  settings.shell = Shell::fish;
  settings.platform = Platform::busybox;
  EXPECT_EQ(value_as_text(settings, "backend"), "static");
  EXPECT_EQ(value_as_text(settings, "shell"), "fish");
  EXPECT_EQ(value_as_text(settings, "platform"), "busybox");
}

TEST(ConfigValues, NumbersPrintWithoutTrailingNoise)
{
  Settings settings;
  settings.static_min_confidence = 0.1 + 0.2; // not exactly 0.3: printed exactly, not rounded
  EXPECT_EQ(value_as_text(settings, "static.min_confidence"), "0.30000000000000004");
  settings.static_min_confidence = 1.0;
  EXPECT_EQ(value_as_text(settings, "static.min_confidence"), "1");
  settings.static_min_confidence = 0.0;
  EXPECT_EQ(value_as_text(settings, "static.min_confidence"), "0");
  settings.static_min_confidence = 0.75;
  EXPECT_EQ(value_as_text(settings, "static.min_confidence"), "0.75");
}

TEST(ConfigValues, ApplyAcceptsNumbersInRangeOnly)
{
  Resolved resolved;
  EXPECT_TRUE(apply(resolved, "static.min_confidence", "0", Source::flag));
  EXPECT_TRUE(apply(resolved, "static.min_confidence", "1", Source::flag));
  EXPECT_TRUE(apply(resolved, "static.min_confidence", "5e-1", Source::flag));
  EXPECT_DOUBLE_EQ(resolved.settings.static_min_confidence, 0.5);
  for (const char* bad : {"", "-0.1", "1.01", "inf", "nan", "0.5 ", " 0.5", "half", "0,5"}) {
    auto result = apply(resolved, "static.min_confidence", bad, Source::flag);
    EXPECT_FALSE(result) << bad;
  }
  EXPECT_DOUBLE_EQ(resolved.settings.static_min_confidence, 0.5);
}

TEST(ConfigValues, ApplyRejectsBadValueNamingKeyAndAllowedValues)
{
  Resolved resolved;
  auto result = apply(resolved, "color", "sometimes", Source::flag);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "invalid value \"sometimes\" for key \"color\": expected auto|always|never");
  EXPECT_EQ(resolved.settings.color, ColorChoice::automatic);
  EXPECT_FALSE(resolved.sources.contains("color"));
}

TEST(ConfigValues, ApplyIsCaseSensitive)
{
  Resolved resolved;
  EXPECT_FALSE(apply(resolved, "safety", "Strict", Source::flag));
  EXPECT_FALSE(apply(resolved, "Safety", "strict", Source::flag));
}

TEST(ConfigValues, ApplyEscapesControlCharactersInMessages)
{
  Resolved resolved;
  auto result = apply(resolved, "shell", "ba\x1b[2Jsh\n", Source::flag);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "invalid value \"ba\\u001B[2Jsh\\n\" for key \"shell\": expected bash|zsh|fish|sh");
}

TEST(ConfigValues, ApplyRejectsUnknownKeyListingValidKeys)
{
  Resolved resolved;
  auto result = apply(resolved, "saftey", "strict", Source::flag);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "unknown key \"saftey\" (did you mean \"safety\"?); valid keys: backend, safety, "
                                    "shell, platform, output, color, model, static.min_confidence, embedded.threads, "
                                    "model_mirror, telemetry, history");
}

TEST(ConfigValues, ApplyRecordsTheSource)
{
  Resolved resolved;
  ASSERT_TRUE(apply(resolved, "model", "/m/x.gguf", Source::environment));
  EXPECT_EQ(resolved.settings.model, "/m/x.gguf");
  EXPECT_EQ(resolved.sources.at("model"), Source::environment);
  ASSERT_TRUE(apply(resolved, "model", "tiny", Source::flag));
  EXPECT_EQ(resolved.sources.at("model"), Source::flag);
}

} // namespace
} // namespace caro::config
