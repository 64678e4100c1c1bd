// set_in_file() and edit_config_text(): `caro config set` edits one value and
// leaves every other byte of the file alone.

#include "caro/config/settings.h"
#include "config_fixture.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

namespace caro::config {
namespace {

using caro::testing::read_file;
using testing::ConfigTest;
using testing::samples;

std::string edit(std::string_view text, std::string_view key, std::string_view value)
{
  auto edited = edit_config_text(text, "/c/config.toml", key, value);
  EXPECT_TRUE(edited.has_value()) << (edited ? "" : edited.error().message);
  return edited ? *edited : std::string();
}

TEST_F(ConfigTest, SetCreatesTheFileAndItsDirectory)
{
  const std::string path = home() + "/fresh/caro/config.toml";
  ASSERT_TRUE(set_in_file(path, "safety", "strict"));
  EXPECT_EQ(read_file(path), "safety = \"strict\"\n");
  struct stat info
  {
  };
  ASSERT_EQ(::stat((home() + "/fresh/caro").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
}

TEST_F(ConfigTest, EveryKeyCanBeSetAndReadBack)
{
  for (const auto& key : keys()) {
    const auto& sample = samples().find(key.name)->second;
    ASSERT_TRUE(set_in_file(config_path(), key.name, sample.value)) << key.name;
    const Resolved resolved = resolve_ok();
    EXPECT_EQ(value_as_text(resolved.settings, key.name), sample.value) << key.name;
    EXPECT_EQ(resolved.sources.at(std::string(key.name)), Source::file) << key.name;
  }
  EXPECT_EQ(read_file(config_path()), "backend = \"embedded\"\n"
                                      "safety = \"strict\"\n"
                                      "shell = \"zsh\"\n"
                                      "platform = \"bsd\"\n"
                                      "output = \"json\"\n"
                                      "color = \"never\"\n"
                                      "model = \"/models/tiny model.gguf\"\n"
                                      "model_mirror = \"http://127.0.0.1:8080/hf\"\n"
                                      "telemetry = true\n"
                                      "history = true\n"
                                      "\n"
                                      "[static]\n"
                                      "min_confidence = 0.25\n"
                                      "\n"
                                      "[embedded]\n"
                                      "threads = 3\n");
}

TEST_F(ConfigTest, SetReplacesAValueKeepingCommentsAndOtherLines)
{
  const std::string before = "# my caro settings\n"
                             "backend = \"auto\"   # which backend\n"
                             "safety = \"moderate\" # was moderate\n"
                             "\n"
                             "# the matcher\n"
                             "[static]\n"
                             "min_confidence = 0.6 # threshold\n";
  write_config(before);
  ASSERT_TRUE(set_in_file(config_path(), "safety", "strict"));
  EXPECT_EQ(read_file(config_path()), "# my caro settings\n"
                                      "backend = \"auto\"   # which backend\n"
                                      "safety = \"strict\" # was moderate\n"
                                      "\n"
                                      "# the matcher\n"
                                      "[static]\n"
                                      "min_confidence = 0.6 # threshold\n");
  ASSERT_TRUE(set_in_file(config_path(), "static.min_confidence", "0.8"));
  EXPECT_EQ(read_file(config_path()), "# my caro settings\n"
                                      "backend = \"auto\"   # which backend\n"
                                      "safety = \"strict\" # was moderate\n"
                                      "\n"
                                      "# the matcher\n"
                                      "[static]\n"
                                      "min_confidence = 0.8 # threshold\n");
}

TEST_F(ConfigTest, SetAddsStaticKeyIntoAnExistingStaticTable)
{
  write_config("safety = \"strict\"\n\n[static]\n# tuning\nfoo = 1\n\n[other]\nx = 2\n");
  ASSERT_TRUE(set_in_file(config_path(), "static.min_confidence", "0.3"));
  EXPECT_EQ(read_file(config_path()),
            "safety = \"strict\"\n\n[static]\n# tuning\nfoo = 1\nmin_confidence = 0.3\n\n[other]\nx = 2\n");
}

TEST_F(ConfigTest, SetAddsStaticKeyIntoANewStaticTableAtTheEnd)
{
  write_config("safety = \"strict\"\n[other]\nx = 2");
  ASSERT_TRUE(set_in_file(config_path(), "static.min_confidence", "1"));
  EXPECT_EQ(read_file(config_path()), "safety = \"strict\"\n[other]\nx = 2\n\n[static]\nmin_confidence = 1.0\n");
  EXPECT_DOUBLE_EQ(resolve_ok().settings.static_min_confidence, 1.0);
}

TEST_F(ConfigTest, SetAddsTopLevelKeyBeforeTheFirstTable)
{
  write_config("# caro\nsafety = \"strict\"\n\n# matcher\n[static]\nmin_confidence = 0.5\n");
  ASSERT_TRUE(set_in_file(config_path(), "output", "json"));
  EXPECT_EQ(read_file(config_path()),
            "# caro\nsafety = \"strict\"\noutput = \"json\"\n\n# matcher\n[static]\nmin_confidence = 0.5\n");
}

TEST(ConfigEdit, TopLevelKeyGoesAboveTheFirstTableAndItsComment)
{
  EXPECT_EQ(edit("# file comment\n\n# matcher\n[static]\nmin_confidence = 0.5\n", "color", "never"),
            "# file comment\n\ncolor = \"never\"\n\n# matcher\n[static]\nmin_confidence = 0.5\n");
}

TEST(ConfigEdit, EmptyTextGetsOneLine)
{
  EXPECT_EQ(edit("", "shell", "fish"), "shell = \"fish\"\n");
  EXPECT_EQ(edit("", "static.min_confidence", "0.5"), "[static]\nmin_confidence = 0.5\n");
}

TEST(ConfigEdit, ReplacesAValueAtTheEndOfAFileWithoutNewline)
{
  EXPECT_EQ(edit("output = \"plain\"", "output", "json"), "output = \"json\"");
}

TEST(ConfigEdit, ReplacesDottedAndInlineTableValues)
{
  EXPECT_EQ(edit("static.min_confidence = 0.5 # x\n", "static.min_confidence", "0.9"),
            "static.min_confidence = 0.9 # x\n");
  EXPECT_EQ(edit("static = { min_confidence = 0.5 }\n", "static.min_confidence", "0.9"),
            "static = { min_confidence = 0.9 }\n");
}

TEST(ConfigEdit, AddsToAStaticTableMadeOfDottedKeys)
{
  EXPECT_EQ(edit("static.other = 1\n[remote]\n", "static.min_confidence", "0.4"),
            "static.other = 1\nstatic.min_confidence = 0.4\n[remote]\n");
}

TEST(ConfigEdit, ReplacesAValueOfTheWrongTypeAndMultiLineValues)
{
  EXPECT_EQ(edit("safety = 3\n", "safety", "strict"), "safety = \"strict\"\n");
  EXPECT_EQ(edit("model = \"\"\"\nold\"\"\"\nx = 1\n", "model", "new"), "model = \"new\"\nx = 1\n");
}

TEST(ConfigEdit, KeepsCrLfLineEndingsAndNonAsciiText)
{
  EXPECT_EQ(edit("# café ☕\r\nmodel = \"é\" # ü\r\n", "model", "ñ"), "# café ☕\r\nmodel = \"ñ\" # ü\r\n");
  EXPECT_EQ(edit("# x\r\n[a]\r\n", "safety", "strict"), "safety = \"strict\"\r\n\r\n# x\r\n[a]\r\n");
}

TEST(ConfigEdit, IgnoresBracketsInsideStringsAndArrays)
{
  const std::string text = "list = [\n  [1, 2],\n  \"[static]\",\n]\ns = '''\n[static]\n'''\n";
  EXPECT_EQ(edit(text, "static.min_confidence", "0.5"), text + "\n[static]\nmin_confidence = 0.5\n");
  EXPECT_EQ(edit(text, "safety", "strict"), text + "safety = \"strict\"\n");
}

TEST(ConfigEdit, FindsQuotedAndSpacedTableHeaders)
{
  EXPECT_EQ(edit("[ \"static\" ]\n", "static.min_confidence", "0.5"), "[ \"static\" ]\nmin_confidence = 0.5\n");
}

TEST(ConfigEdit, QuotesAndEscapesStrings)
{
  EXPECT_EQ(edit("", "model", "C:\\models\\\"x\".gguf"), "model = \"C:\\\\models\\\\\\\"x\\\".gguf\"\n");
  auto resolved_model = edit("", "model", "tab\there");
  EXPECT_EQ(resolved_model, "model = \"tab\\there\"\n");
}

TEST_F(ConfigTest, SetRefusesABadValueLeavingTheFileByteIdentical)
{
  const std::string before = "# keep me\nsafety = \"strict\"\n";
  write_config(before);
  auto result = set_in_file(config_path(), "safety", "loose");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "invalid value \"loose\" for key \"safety\": expected strict|moderate|permissive");
  EXPECT_EQ(read_file(config_path()), before);
  EXPECT_FALSE(set_in_file(config_path(), "static.min_confidence", "2"));
  EXPECT_EQ(read_file(config_path()), before);
}

TEST_F(ConfigTest, SetRefusesAnUnknownKeyListingValidKeys)
{
  auto result = set_in_file(config_path(), "colour", "never");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("unknown key \"colour\" (did you mean \"color\"?); valid keys: backend"),
            std::string::npos)
      << result.error().message;
  EXPECT_FALSE(std::filesystem::exists(config_path()));
}

TEST_F(ConfigTest, SetRefusesToEditAMalformedFile)
{
  const std::string before = "safety = \"strict\"\noutput = = 1\n";
  const std::string path = write_config(before);
  auto result = set_in_file(path, "color", "never");
  ASSERT_FALSE(result);
  EXPECT_TRUE(result.error().message.starts_with(path + ":2:")) << result.error().message;
  EXPECT_EQ(read_file(path), before);
}

TEST_F(ConfigTest, SetRefusesWhenStaticIsNotATable)
{
  const std::string before = "static = 3\n";
  const std::string path = write_config(before);
  auto result = set_in_file(path, "static.min_confidence", "0.5");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, path + ":1: cannot set a key inside \"static\": it is an integer, not a table");
  EXPECT_EQ(read_file(path), before);
}

TEST_F(ConfigTest, SetLeavesNoTemporaryFilesAndKeepsPermissions)
{
  const std::string path = write_config("safety = \"strict\"\n");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  ASSERT_TRUE(set_in_file(path, "safety", "permissive"));
  int entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
    EXPECT_EQ(entry.path().filename(), "config.toml");
    ++entries;
  }
  EXPECT_EQ(entries, 1);
  struct stat info
  {
  };
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);
}

TEST_F(ConfigTest, SetFollowsASymlinkedConfigFile)
{
  const std::string real = m_dir.write("dotfiles/caro.toml", "safety = \"strict\"\n").string();
  std::filesystem::create_directories(std::filesystem::path(config_path()).parent_path());
  std::filesystem::create_symlink(real, config_path());
  ASSERT_TRUE(set_in_file(config_path(), "safety", "permissive"));
  EXPECT_TRUE(std::filesystem::is_symlink(config_path()));
  EXPECT_EQ(read_file(real), "safety = \"permissive\"\n");
}

} // namespace
} // namespace caro::config
