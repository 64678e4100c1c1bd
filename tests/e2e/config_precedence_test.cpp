// End-to-end tests of settings: flag > environment > config file > default,
// config subcommands, and the errors a broken file gives.

#include "support/caro_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace caro::testing {
namespace {

using nlohmann::json;

class ConfigPrecedence : public ::testing::Test
{
protected:
  TempDir home;

  std::filesystem::path config_path() const { return home.path() / ".config/caro/config.toml"; }

  util::ProcessOutput caro(std::vector<std::string> args, std::map<std::string, std::string> env = {})
  {
    return run_caro(home, CaroRun{std::move(args), std::move(env), {}, {}});
  }

  std::string get(const std::string& key, std::map<std::string, std::string> env = {},
                  std::vector<std::string> flags = {})
  {
    flags.insert(flags.end(), {"config", "get", key});
    const auto result = caro(flags, std::move(env));
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return result.out;
  }
};

TEST_F(ConfigPrecedence, DefaultsApplyWithoutAFile)
{
  EXPECT_EQ(get("safety"), "moderate\n");
  EXPECT_EQ(get("backend"), "auto\n");
}

TEST_F(ConfigPrecedence, FileOverridesDefault)
{
  home.write(".config/caro/config.toml", "safety = \"strict\"\n");
  EXPECT_EQ(get("safety"), "strict\n");
}

TEST_F(ConfigPrecedence, EnvironmentOverridesFile)
{
  home.write(".config/caro/config.toml", "safety = \"strict\"\n");
  EXPECT_EQ(get("safety", {{"CARO_SAFETY", "permissive"}}), "permissive\n");
}

TEST_F(ConfigPrecedence, FlagOverridesEnvironment)
{
  home.write(".config/caro/config.toml", "safety = \"strict\"\n");
  EXPECT_EQ(get("safety", {{"CARO_SAFETY", "permissive"}}, {"--safety", "moderate"}), "moderate\n");
}

TEST_F(ConfigPrecedence, EveryDocumentedKeyCanBeSetAndRead)
{
  const std::vector<std::pair<std::string, std::string>> values{
      {"backend", "static"},
      {"safety", "strict"},
      {"shell", "zsh"},
      {"platform", "busybox"},
      {"output", "json"},
      {"color", "never"},
      {"model", "qwen2.5-coder-1.5b"},
      {"static.min_confidence", "0.75"},
  };
  for (const auto& [key, value] : values) {
    const auto set = caro({"config", "set", key, value});
    EXPECT_EQ(set.exit_status, 0) << key << ": " << set.err;
    EXPECT_EQ(get(key), value + "\n") << key;
  }
  const auto shown = caro({"-o", "plain", "config", "show"}); // output = json is in the file now
  EXPECT_EQ(shown.exit_status, 0);
  EXPECT_NE(shown.out.find("static.min_confidence = 0.75  # file"), std::string::npos) << shown.out;
}

TEST_F(ConfigPrecedence, OutputAndPlatformFromTheFileShapeGeneration)
{
  home.write(".config/caro/config.toml", "output = \"json\"\nplatform = \"bsd\"\nbackend = \"static\"\n");
  const auto result = caro({"list", "files"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto doc = json::parse(result.out);
  EXPECT_EQ(doc["platform"], "bsd");
  EXPECT_EQ(doc["backend"], "static");
}

TEST_F(ConfigPrecedence, EnvironmentShellAndPlatformReachTheOutput)
{
  const auto result =
      caro({"-o", "json", "-b", "static", "list", "files"}, {{"CARO_SHELL", "fish"}, {"CARO_PLATFORM", "busybox"}});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto doc = json::parse(result.out);
  EXPECT_EQ(doc["shell"], "fish");
  EXPECT_EQ(doc["platform"], "busybox");
}

TEST_F(ConfigPrecedence, MalformedFileIsAnErrorNamingFileAndLine)
{
  home.write(".config/caro/config.toml", "backend = \"static\"\nsafety = = strict\n");
  const auto result = caro({"list", "files"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find(config_path().string() + ":2"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(ConfigPrecedence, BadValueNamesFileLineAndKey)
{
  home.write(".config/caro/config.toml", "\nsafety = \"loose\"\n");
  const auto result = caro({"list", "files"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find(config_path().string() + ":2"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("safety"), std::string::npos) << result.err;
}

TEST_F(ConfigPrecedence, BadEnvironmentValueNamesTheVariable)
{
  const auto result = caro({"list", "files"}, {{"CARO_BACKEND", "magic"}});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("CARO_BACKEND"), std::string::npos) << result.err;
}

TEST_F(ConfigPrecedence, UnknownKeyIsAWarningNotAnError)
{
  home.write(".config/caro/config.toml", "safty = \"strict\"\n");
  const auto result = caro({"-b", "static", "list", "files"});
  EXPECT_EQ(result.exit_status, 0) << result.err;
  EXPECT_NE(result.err.find("warning"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("safty"), std::string::npos) << result.err;
}

TEST_F(ConfigPrecedence, ExplicitConfigFileIsUsedAndMustExist)
{
  const auto other = home.write("other.toml", "safety = \"permissive\"\n");
  EXPECT_EQ(get("safety", {}, {"--config", other.string()}), "permissive\n");
  const auto missing = caro({"--config", (home.path() / "nope.toml").string(), "config", "get", "safety"});
  EXPECT_EQ(missing.exit_status, 2);
  EXPECT_NE(missing.err.find("nope.toml"), std::string::npos) << missing.err;
}

TEST_F(ConfigPrecedence, SetRejectsBadValuesAndKeepsTheFile)
{
  const std::string original = "# my settings\nsafety = \"strict\"\n";
  home.write(".config/caro/config.toml", original);
  EXPECT_EQ(caro({"config", "set", "safety", "loose"}).exit_status, 2);
  EXPECT_EQ(caro({"config", "set", "nonsense", "1"}).exit_status, 2);
  EXPECT_EQ(read_file(config_path()), original);
}

TEST_F(ConfigPrecedence, PathWorksEvenWhenTheFileIsBroken)
{
  home.write(".config/caro/config.toml", "[[[broken\n");
  const auto result = caro({"config", "path"});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.out, config_path().string() + "\n");
}

TEST_F(ConfigPrecedence, XdgConfigHomeIsHonoured)
{
  const auto result = caro({"config", "path"}, {{"XDG_CONFIG_HOME", (home.path() / "xdg").string()}});
  EXPECT_EQ(result.out, (home.path() / "xdg/caro/config.toml").string() + "\n");
}

TEST_F(ConfigPrecedence, StrictSafetyFromTheFileBlocksHighRisk)
{
  home.write(".config/caro/config.toml", "safety = \"strict\"\n");
  const auto result = caro({"validate", "-o", "json", "--", "shutdown -h now"});
  const auto doc = json::parse(result.out);
  EXPECT_EQ(doc["risk"], "high");
  EXPECT_TRUE(doc["blocked"].get<bool>());
  EXPECT_EQ(result.exit_status, 1);
}

} // namespace
} // namespace caro::testing
