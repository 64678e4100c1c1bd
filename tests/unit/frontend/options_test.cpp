#include "caro/cli/options.h"

#include <gtest/gtest.h>

#include <initializer_list>

namespace caro::cli {
namespace {

Expected<Options> parse(std::initializer_list<const char*> args)
{
  std::vector<const char*> argv{"caro"};
  argv.insert(argv.end(), args.begin(), args.end());
  return parse_options(static_cast<int>(argv.size()), argv.data());
}

TEST(Options, TrailingWordsFormTheRequest)
{
  auto options = parse({"-b", "static", "list", "all", "files"});
  ASSERT_TRUE(options);
  EXPECT_EQ(options->subcommand, Subcommand::generate);
  EXPECT_EQ(options->words, (std::vector<std::string>{"list", "all", "files"}));
  ASSERT_EQ(options->setting_flags.size(), 1u);
  EXPECT_EQ(options->setting_flags[0], (std::pair<std::string, std::string>{"backend", "static"}));
}

TEST(Options, EverySettingFlagMapsToItsKey)
{
  auto options = parse({"-b", "auto", "-s", "zsh", "--platform", "bsd", "--safety", "strict", "-o", "json", "x"});
  ASSERT_TRUE(options);
  std::vector<std::string> keys;
  for (const auto& [key, value] : options->setting_flags) {
    keys.push_back(key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"backend", "shell", "platform", "safety", "output"}));
}

TEST(Options, LongFormsWithEqualsAndCombinedShortFlags)
{
  auto options = parse({"--output=json", "-xy", "hello"});
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->execute);
  EXPECT_TRUE(options->yes);
  EXPECT_EQ(options->setting_flags.at(0).second, "json");
}

TEST(Options, BooleanFlags)
{
  auto options = parse({"--dry-run", "--explain", "-v", "--no-color", "--config", "/tmp/c.toml", "-p", "list files"});
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->dry_run);
  EXPECT_TRUE(options->explain);
  EXPECT_TRUE(options->verbose);
  EXPECT_TRUE(options->no_color);
  EXPECT_EQ(options->config_file, "/tmp/c.toml");
  EXPECT_EQ(options->prompt, "list files");
}

TEST(Options, ValidateTakesEverythingAfterDoubleDash)
{
  auto options = parse({"validate", "-o", "json", "--", "rm", "-rf", "/"});
  ASSERT_TRUE(options);
  EXPECT_EQ(options->subcommand, Subcommand::validate);
  EXPECT_EQ(options->words, (std::vector<std::string>{"rm", "-rf", "/"}));
}

TEST(Options, SubcommandsAndTheirArguments)
{
  auto config = parse({"config", "set", "safety", "strict"});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->subcommand, Subcommand::config);
  EXPECT_EQ(config->action, "set");
  EXPECT_EQ(config->action_args, (std::vector<std::string>{"safety", "strict"}));

  auto init = parse({"init", "zsh"});
  ASSERT_TRUE(init);
  EXPECT_EQ(init->subcommand, Subcommand::init);
  EXPECT_EQ(init->action, "zsh");

  auto doctor = parse({"doctor", "-o", "json"});
  ASSERT_TRUE(doctor);
  EXPECT_EQ(doctor->subcommand, Subcommand::doctor);
}

TEST(Options, HelpAndVersionWinOverEverythingElse)
{
  EXPECT_EQ(parse({"list", "files", "--help"})->subcommand, Subcommand::help);
  EXPECT_EQ(parse({"-h"})->subcommand, Subcommand::help);
  EXPECT_EQ(parse({"--version"})->subcommand, Subcommand::version);
}

TEST(Options, UnknownOptionsAndConflictsAreErrors)
{
  const auto unknown = parse({"--nope", "x"});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("--nope"), std::string::npos);
  EXPECT_FALSE(parse({"-v", "-q", "x"}));
  EXPECT_FALSE(parse({"-b"}));
}

TEST(Options, WordsAfterDoubleDashMayStartWithDash)
{
  auto options = parse({"files", "named", "--", "-weird"});
  ASSERT_TRUE(options);
  EXPECT_EQ(options->words.back(), "-weird");
}

} // namespace
} // namespace caro::cli
