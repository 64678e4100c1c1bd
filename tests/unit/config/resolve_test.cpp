// resolve(): defaults, the config file, the environment, and what goes wrong.

#include "caro/config/settings.h"
#include "config_fixture.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace caro::config {
namespace {

using testing::ConfigTest;
using testing::samples;

TEST_F(ConfigTest, DefaultsWhenThereIsNoFileAndNoEnvironment)
{
  const Resolved resolved = resolve_ok();
  EXPECT_FALSE(resolved.file_exists);
  EXPECT_EQ(resolved.file_path, config_path());
  EXPECT_TRUE(resolved.warnings.empty());
  const Settings& s = resolved.settings;
  EXPECT_EQ(s.backend, BackendChoice::automatic);
  EXPECT_EQ(s.safety, SafetyMode::moderate);
  EXPECT_FALSE(s.shell.has_value());
  EXPECT_FALSE(s.platform.has_value());
  EXPECT_EQ(s.output, OutputFormat::plain);
  EXPECT_EQ(s.color, ColorChoice::automatic);
  EXPECT_EQ(s.model, "smollm-135m");
  EXPECT_DOUBLE_EQ(s.static_min_confidence, 0.6);
  ASSERT_EQ(resolved.sources.size(), keys().size());
  for (const auto& [name, source] : resolved.sources) {
    EXPECT_EQ(source, Source::default_value) << name;
  }
}

TEST_F(ConfigTest, EachKeyIsReadFromTheFile)
{
  for (const auto& key : keys()) {
    const auto& sample = samples().find(key.name)->second;
    write_config("# a comment\n" + sample.file_text);
    const Resolved resolved = resolve_ok();
    EXPECT_TRUE(resolved.file_exists);
    EXPECT_EQ(value_as_text(resolved.settings, key.name), sample.value) << key.name;
    EXPECT_EQ(resolved.sources.at(std::string(key.name)), Source::file) << key.name;
    EXPECT_TRUE(resolved.warnings.empty()) << key.name;
  }
}

TEST_F(ConfigTest, EachKeyIsReadFromTheEnvironment)
{
  for (const auto& key : keys()) {
    const auto& sample = samples().find(key.name)->second;
    const Resolved resolved = resolve_ok({{std::string(key.env), sample.value}});
    EXPECT_EQ(value_as_text(resolved.settings, key.name), sample.value) << key.name;
    EXPECT_EQ(resolved.sources.at(std::string(key.name)), Source::environment) << key.name;
  }
}

TEST_F(ConfigTest, StaticMinConfidenceAcceptsDottedKeysInlineTablesAndIntegers)
{
  write_config("static.min_confidence = 0.75\n");
  EXPECT_DOUBLE_EQ(resolve_ok().settings.static_min_confidence, 0.75);
  write_config("static = { min_confidence = 0.5 }\n");
  EXPECT_DOUBLE_EQ(resolve_ok().settings.static_min_confidence, 0.5);
  write_config("[static]\nmin_confidence = 1\n");
  EXPECT_DOUBLE_EQ(resolve_ok().settings.static_min_confidence, 1.0);
}

TEST_F(ConfigTest, EnvironmentOverridesTheFile)
{
  write_config("safety = \"strict\"\noutput = \"json\"\n");
  const Resolved resolved = resolve_ok({{"CARO_SAFETY", "permissive"}});
  EXPECT_EQ(resolved.settings.safety, SafetyMode::permissive);
  EXPECT_EQ(resolved.sources.at("safety"), Source::environment);
  EXPECT_EQ(resolved.settings.output, OutputFormat::json);
  EXPECT_EQ(resolved.sources.at("output"), Source::file);
  EXPECT_EQ(resolved.sources.at("color"), Source::default_value);
}

TEST_F(ConfigTest, EmptyEnvironmentVariablesCountAsUnset)
{
  write_config("safety = \"strict\"\n");
  const Resolved resolved = resolve_ok({{"CARO_SAFETY", ""}});
  EXPECT_EQ(resolved.settings.safety, SafetyMode::strict);
  EXPECT_EQ(resolved.sources.at("safety"), Source::file);
}

TEST_F(ConfigTest, FlagOverridesEnvironmentAndFile)
{
  write_config("safety = \"strict\"\n");
  Resolved resolved = resolve_ok({{"CARO_SAFETY", "permissive"}});
  ASSERT_TRUE(apply(resolved, "safety", "moderate", Source::flag));
  EXPECT_EQ(resolved.settings.safety, SafetyMode::moderate);
  EXPECT_EQ(resolved.sources.at("safety"), Source::flag);
}

TEST_F(ConfigTest, EachKeyCanBeGivenAsAFlag)
{
  for (const auto& key : keys()) {
    Resolved resolved = resolve_ok();
    const auto& sample = samples().find(key.name)->second;
    ASSERT_TRUE(apply(resolved, key.name, sample.value, Source::flag)) << key.name;
    EXPECT_EQ(value_as_text(resolved.settings, key.name), sample.value);
    EXPECT_EQ(resolved.sources.at(std::string(key.name)), Source::flag);
  }
}

TEST_F(ConfigTest, MalformedFileErrorNamesPathLineAndColumn)
{
  const std::string path = write_config("safety = \"strict\"\n\noutput = = \"json\"\n");
  auto resolved = resolve(std::nullopt, environment());
  ASSERT_FALSE(resolved);
  EXPECT_TRUE(resolved.error().message.starts_with(path + ":3:")) << resolved.error().message;
  EXPECT_EQ(resolved.error().message.find(path + ":3:0"), std::string::npos);
  EXPECT_EQ(resolved.error().hint, "fix the file or run `caro config path` to find it");
}

TEST_F(ConfigTest, MalformedFileErrorGivesTheExactColumn)
{
  const std::string path = write_config("a = 1\nb = 2\nsafety = = 1\n");
  const std::string message = resolve_error();
  EXPECT_TRUE(message.starts_with(path + ":3:10: ")) << message;
}

TEST_F(ConfigTest, MalformedFileErrorStaysOnOneLine)
{
  write_config("safety = tru\n");
  const std::string message = resolve_error();
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_NE(message.find("tru\\n"), std::string::npos) << message;
}

TEST_F(ConfigTest, BadValueErrorNamesFileLineKeyAndAllowedValues)
{
  const std::string path = write_config("# caro\n\nsafety = \"loose\"\n");
  EXPECT_EQ(resolve_error(),
            path + ":3: invalid value \"loose\" for key \"safety\": expected strict|moderate|permissive");
}

TEST_F(ConfigTest, OutOfRangeNumberIsAnError)
{
  const std::string path = write_config("[static]\nmin_confidence = 1.5\n");
  EXPECT_EQ(resolve_error(),
            path + ":2: invalid value 1.5 for key \"static.min_confidence\": expected a number in 0..1");
}

TEST_F(ConfigTest, EmptyModelIsAnError)
{
  write_config("model = \"\"\n");
  EXPECT_NE(resolve_error().find("invalid value \"\" for key \"model\""), std::string::npos);
}

TEST_F(ConfigTest, WrongTomlTypeIsAnError)
{
  const std::string path = write_config("safety = 3\n");
  EXPECT_EQ(resolve_error(), path + ":1: wrong type for key \"safety\": expected a string "
                                    "(strict|moderate|permissive), found an integer");
  write_config("[static]\nmin_confidence = \"high\"\n");
  EXPECT_EQ(resolve_error(), path + ":2: wrong type for key \"static.min_confidence\": expected a number in 0..1, "
                                    "found a string");
  write_config("static = 0.5\n");
  EXPECT_EQ(resolve_error(), path + ":1: wrong type for key \"static\": expected a table, found a float");
}

TEST_F(ConfigTest, BadEnvironmentValueNamesTheVariable)
{
  const std::string message = resolve_error({{"CARO_SAFETY", "loose"}});
  EXPECT_EQ(message,
            "CARO_SAFETY=loose: invalid value \"loose\" for key \"safety\": expected strict|moderate|permissive");
  EXPECT_EQ(resolve_error({{"CARO_STATIC_MIN_CONFIDENCE", "lots"}}),
            "CARO_STATIC_MIN_CONFIDENCE=lots: invalid value \"lots\" for key \"static.min_confidence\": expected a "
            "number in 0..1");
  EXPECT_FALSE(resolve(std::nullopt, environment({{"CARO_STATIC_MIN_CONFIDENCE", "nan"}})));
  EXPECT_FALSE(resolve(std::nullopt, environment({{"CARO_STATIC_MIN_CONFIDENCE", "0.5x"}})));
}

TEST_F(ConfigTest, UnknownKeyIsAWarningWithASuggestion)
{
  const std::string path = write_config("saftey = \"strict\"\noutput = \"json\"\n");
  const Resolved resolved = resolve_ok();
  ASSERT_EQ(resolved.warnings.size(), 1u);
  EXPECT_EQ(resolved.warnings[0], path + ":1: unknown key \"saftey\" (ignored); did you mean \"safety\"?");
  EXPECT_EQ(resolved.settings.output, OutputFormat::json);
  EXPECT_EQ(resolved.settings.safety, SafetyMode::moderate);
}

TEST_F(ConfigTest, UnknownKeysWithoutACloseMatchAndInsideTablesAreWarnings)
{
  const std::string path = write_config("compression = true\n[static]\nmin_confidense = 0.4\n[remote]\nurl = \"x\"\n");
  const Resolved resolved = resolve_ok();
  ASSERT_EQ(resolved.warnings.size(), 3u);
  EXPECT_EQ(resolved.warnings[0], path + ":1: unknown key \"compression\" (ignored)");
  EXPECT_EQ(resolved.warnings[1], path + ":3: unknown key \"static.min_confidense\" (ignored); did you mean "
                                         "\"static.min_confidence\"?");
  EXPECT_EQ(resolved.warnings[2], path + ":4: unknown key \"remote\" (ignored)");
}

TEST_F(ConfigTest, QuotedDottedKeyIsAWarningExplainingTheFix)
{
  const std::string path = write_config("\"static.min_confidence\" = 0.9\n");
  const Resolved resolved = resolve_ok();
  ASSERT_EQ(resolved.warnings.size(), 1u);
  EXPECT_EQ(resolved.warnings[0], path + ":1: unknown key \"static.min_confidence\" (ignored); write it without "
                                         "quotes, or as min_confidence in a [static] table");
  EXPECT_DOUBLE_EQ(resolved.settings.static_min_confidence, 0.6);
}

TEST_F(ConfigTest, ExplicitFileIsUsedInsteadOfTheDefault)
{
  write_config("safety = \"strict\"\n");
  const auto other = m_dir.write("elsewhere.toml", "safety = \"permissive\"\n").string();
  auto resolved = resolve(other, environment());
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->file_path, other);
  EXPECT_TRUE(resolved->file_exists);
  EXPECT_EQ(resolved->settings.safety, SafetyMode::permissive);
}

TEST_F(ConfigTest, MissingExplicitFileIsAnError)
{
  const std::string missing = home() + "/nope.toml";
  auto resolved = resolve(missing, environment());
  ASSERT_FALSE(resolved);
  EXPECT_EQ(resolved.error().message, "config file " + missing + " does not exist");
  EXPECT_FALSE(resolved.error().hint.empty());
}

TEST_F(ConfigTest, DirectoryInPlaceOfTheFileIsAnErrorNamingIt)
{
  std::filesystem::create_directories(config_path());
  EXPECT_EQ(resolve_error(), "cannot read " + config_path() + ": it is a directory");
}

TEST_F(ConfigTest, UnreadableFileIsAnErrorNamingIt)
{
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root can read any file";
  }
  const std::string path = write_config("safety = \"strict\"\n");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  EXPECT_EQ(resolve_error(), "cannot read " + path + ": Permission denied");
}

TEST(ConfigPath, UsesXdgConfigHomeWhenSet)
{
  EXPECT_EQ(default_config_path(fixed_environment({{"XDG_CONFIG_HOME", "/x/conf"}, {"HOME", "/h"}})),
            "/x/conf/caro/config.toml");
}

TEST(ConfigPath, FallsBackToHomeWhenXdgIsUnsetEmptyOrRelative)
{
  EXPECT_EQ(default_config_path(fixed_environment({{"HOME", "/h"}})), "/h/.config/caro/config.toml");
  EXPECT_EQ(default_config_path(fixed_environment({{"XDG_CONFIG_HOME", ""}, {"HOME", "/h"}})),
            "/h/.config/caro/config.toml");
  EXPECT_EQ(default_config_path(fixed_environment({{"XDG_CONFIG_HOME", "rel/conf"}, {"HOME", "/h"}})),
            "/h/.config/caro/config.toml");
}

TEST(ConfigPath, WithoutHomeStillEndsInTheConfigDirectory)
{
  const std::string path = default_config_path(fixed_environment({}));
  EXPECT_TRUE(path.ends_with("/.config/caro/config.toml")) << path;
}

} // namespace
} // namespace caro::config
