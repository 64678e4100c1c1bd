// The keys that are not strings or fractions: embedded.threads (a TOML
// integer), telemetry and history (TOML booleans), and model_mirror (a URL),
// from every source, with their errors and their precedence.

#include "caro/config/settings.h"
#include "config_fixture.h"

#include <gtest/gtest.h>

namespace caro::config {
namespace {

using testing::ConfigTest;

TEST_F(ConfigTest, NewKeysDefaultToUnsetAndOff)
{
  const Settings s = resolve_ok().settings;
  EXPECT_FALSE(s.embedded_threads.has_value());
  EXPECT_EQ(s.model_mirror, "");
  EXPECT_FALSE(s.telemetry);
  EXPECT_FALSE(s.history);
  EXPECT_EQ(value_as_text(s, "embedded.threads"), "");
  EXPECT_EQ(value_as_text(s, "telemetry"), "false");
}

TEST_F(ConfigTest, ThreadsAreReadFromATableOrADottedKey)
{
  write_config("[embedded]\nthreads = 6\n");
  EXPECT_EQ(resolve_ok().settings.embedded_threads, 6);
  write_config("embedded.threads = 2\n");
  EXPECT_EQ(resolve_ok().settings.embedded_threads, 2);
}

TEST_F(ConfigTest, ThreadsPrecedenceIsFlagThenEnvironmentThenFile)
{
  write_config("[embedded]\nthreads = 6\n");
  auto resolved = resolve_ok({{"CARO_THREADS", "3"}});
  EXPECT_EQ(resolved.settings.embedded_threads, 3);
  EXPECT_EQ(resolved.sources.at("embedded.threads"), Source::environment);
  ASSERT_TRUE(apply(resolved, "embedded.threads", "5", Source::flag).has_value());
  EXPECT_EQ(resolved.settings.embedded_threads, 5);
  EXPECT_EQ(resolve_ok().sources.at("embedded.threads"), Source::file);
}

TEST_F(ConfigTest, ThreadsMustBeAWholeNumberInRange)
{
  const std::string path = write_config("[embedded]\nthreads = 0\n");
  EXPECT_EQ(resolve_error(), path + ":2: invalid value \"0\" for key \"embedded.threads\": expected a whole number "
                                    "in 1..1024");
  write_config("[embedded]\nthreads = \"4\"\n");
  EXPECT_EQ(resolve_error(), path + ":2: wrong type for key \"embedded.threads\": expected a whole number in "
                                    "1..1024, found a string");
  write_config("[embedded]\nthreads = 2.5\n");
  EXPECT_NE(resolve_error().find("found a float"), std::string::npos);
  write_config("");
  EXPECT_NE(resolve_error({{"CARO_THREADS", "many"}}).find("CARO_THREADS=many: invalid value"), std::string::npos);
  EXPECT_NE(resolve_error({{"CARO_THREADS", "2000"}}).find("CARO_THREADS=2000"), std::string::npos);
}

TEST_F(ConfigTest, BooleansAreTomlBooleansOrTrueFalseText)
{
  write_config("telemetry = true\nhistory = true\n");
  const auto on = resolve_ok();
  EXPECT_TRUE(on.settings.telemetry);
  EXPECT_TRUE(on.settings.history);
  EXPECT_FALSE(resolve_ok({{"CARO_TELEMETRY", "false"}}).settings.telemetry);

  const std::string path = write_config("telemetry = \"yes\"\n");
  EXPECT_EQ(resolve_error(),
            path + ":1: wrong type for key \"telemetry\": expected true or false (unquoted), found a string");
  write_config("");
  EXPECT_NE(resolve_error({{"CARO_HISTORY", "yes"}})
                .find("invalid value \"yes\" for key \"history\": expected "
                      "true|false"),
            std::string::npos);
}

TEST_F(ConfigTest, ModelMirrorMustBeAnHttpUrlOrEmpty)
{
  write_config("model_mirror = \"https://mirror.example/hf\"\n");
  EXPECT_EQ(resolve_ok().settings.model_mirror, "https://mirror.example/hf");
  write_config("model_mirror = \"\"\n");
  EXPECT_EQ(resolve_ok().settings.model_mirror, "");
  write_config("model_mirror = \"ftp://mirror.example\"\n");
  EXPECT_NE(resolve_error().find("invalid value \"ftp://mirror.example\" for key \"model_mirror\""), std::string::npos);
  write_config("model_mirror = \"http://\"\n");
  EXPECT_NE(resolve_error().find("invalid value"), std::string::npos);
}

TEST_F(ConfigTest, SetInFileWritesIntegersAndBooleansUnquoted)
{
  ASSERT_TRUE(set_in_file(config_path(), "telemetry", "true").has_value());
  ASSERT_TRUE(set_in_file(config_path(), "embedded.threads", "4").has_value());
  const std::string text = caro::testing::read_file(config_path());
  EXPECT_EQ(text, "telemetry = true\n\n[embedded]\nthreads = 4\n");
  const auto resolved = resolve_ok();
  EXPECT_TRUE(resolved.settings.telemetry);
  EXPECT_EQ(resolved.settings.embedded_threads, 4);

  ASSERT_TRUE(set_in_file(config_path(), "telemetry", "false").has_value());
  EXPECT_FALSE(resolve_ok().settings.telemetry);
  EXPECT_FALSE(set_in_file(config_path(), "telemetry", "maybe").has_value());
  EXPECT_FALSE(set_in_file(config_path(), "embedded.threads", "-1").has_value());
}

} // namespace
} // namespace caro::config
