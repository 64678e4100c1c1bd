// End-to-end tests of the command-line contract (docs/cli.md): the real
// binary, a private HOME, no terminal.

#include "support/caro_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace caro::testing {
namespace {

using nlohmann::json;

class CliContract : public ::testing::Test
{
protected:
  TempDir home;

  util::ProcessOutput caro(std::vector<std::string> args, std::map<std::string, std::string> env = {},
                           std::string stdin_text = {})
  {
    return run_caro(home, CaroRun{std::move(args), std::move(env), std::move(stdin_text), {}});
  }

  json caro_json(std::vector<std::string> args, int expected_status = 0)
  {
    const auto result = caro(std::move(args));
    EXPECT_EQ(result.exit_status, expected_status) << result.err;
    return json::parse(result.out);
  }
};

TEST_F(CliContract, VersionPrintsVersionGitHashAndBuildType)
{
  const auto result = caro({"--version"});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_TRUE(
      std::regex_match(result.out, std::regex(R"(caro \d+\.\d+\.\d+ \(git ([0-9a-f]+|unknown), [A-Za-z+]+\)\n)")))
      << result.out;
}

TEST_F(CliContract, HelpMatchesDocsCliMd)
{
  const auto result = caro({"--help"});
  ASSERT_EQ(result.exit_status, 0);
  const auto docs = read_file(std::string(CARO_SOURCE_DIR) + "/docs/cli.md");
  EXPECT_NE(docs.find("```text\n" + result.out + "```"), std::string::npos)
      << "docs/cli.md must quote `caro --help` verbatim in a ```text block; regenerate it with scripts/update-cli-doc";
}

TEST_F(CliContract, JsonOutputIsOneObjectWithEveryContractField)
{
  const auto result = caro({"-b", "static", "-o", "json", "list", "files"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto doc = json::parse(result.out); // throws (fails the test) on anything but one JSON document
  ASSERT_TRUE(doc.is_object());
  EXPECT_TRUE(doc["command"].is_string());
  EXPECT_EQ(doc["backend"], "static");
  ASSERT_TRUE(doc["confidence"].is_number());
  EXPECT_GT(doc["confidence"].get<double>(), 0.0);
  EXPECT_LE(doc["confidence"].get<double>(), 1.0);
  EXPECT_TRUE(doc["risk"] == "safe" || doc["risk"] == "moderate" || doc["risk"] == "high" || doc["risk"] == "critical");
  EXPECT_TRUE(doc["blocked"].is_boolean());
  EXPECT_TRUE(doc["explanation"].is_string());
  EXPECT_TRUE(doc["warnings"].is_array());
  EXPECT_TRUE(doc["alternatives"].is_array());
  EXPECT_TRUE(doc["shell"].is_string());
  EXPECT_TRUE(doc["platform"].is_string());
  ASSERT_TRUE(doc["timing_ms"].is_object());
  EXPECT_TRUE(doc["timing_ms"]["total"].is_number());
  EXPECT_EQ(result.out.find('\n'), result.out.size() - 1) << "exactly one line of JSON on stdout";
}

TEST_F(CliContract, JsonWithNoAnswerHasNullCommandAndExitsThree)
{
  const auto result = caro({"-b", "static", "-o", "json", "qwzx", "blorf", "frobnicate"});
  EXPECT_EQ(result.exit_status, 3);
  const auto doc = json::parse(result.out);
  EXPECT_TRUE(doc["command"].is_null());
  EXPECT_FALSE(doc["blocked"].get<bool>());
  EXPECT_FALSE(doc["explanation"].get<std::string>().empty());
}

TEST_F(CliContract, PlainOutputOnAPipeIsTheBareCommand)
{
  const auto result = caro({"-b", "static", "find", "python", "files", "modified", "in", "the", "last", "7", "days"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  EXPECT_EQ(result.out, "find . -type f -name '*.py' -mtime -7\n");
}

TEST_F(CliContract, RequestWordsPromptAndStdinAreEquivalent)
{
  const auto words = caro({"-b", "static", "files", "larger", "than", "100MB"});
  const auto prompt = caro({"-b", "static", "-p", "files larger than 100MB"});
  const auto from_stdin = caro({"-b", "static"}, {}, "files larger than 100MB\n");
  ASSERT_EQ(words.exit_status, 0) << words.err;
  EXPECT_EQ(words.out, "find . -type f -size +100M\n");
  EXPECT_EQ(prompt.out, words.out);
  EXPECT_EQ(from_stdin.out, words.out);
}

TEST_F(CliContract, WordsAndPromptTogetherIsAUsageError)
{
  const auto result = caro({"-p", "list files", "list", "files"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("both"), std::string::npos) << result.err;
}

TEST_F(CliContract, UnknownOptionIsAUsageError)
{
  const auto result = caro({"--frobnicate", "list", "files"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("caro: error:"), std::string::npos);
  EXPECT_NE(result.err.find("--frobnicate"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(CliContract, BadOptionValueNamesTheOptionAndTheChoices)
{
  const auto result = caro({"--backend", "magic", "list", "files"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("--backend"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("auto"), std::string::npos) << result.err;
}

TEST_F(CliContract, VerboseAndQuietTogetherIsAUsageError)
{
  EXPECT_EQ(caro({"-v", "-q", "list", "files"}).exit_status, 2);
}

TEST_F(CliContract, ExecuteWithJsonIsAUsageError)
{
  EXPECT_EQ(caro({"-x", "-o", "json", "list", "files"}).exit_status, 2);
}

TEST_F(CliContract, BadRequestsGetAClearMessageAndExitTwo)
{
  struct Case
  {
    std::vector<std::string> args;
    std::string stdin_text;
    std::string expected;
  };
  const std::vector<Case> cases{
      {{""}, "", "empty"},
      {{"   ", "\t"}, "", "empty"},
      {{}, "   \n\n", "empty"},
      {{}, std::string(1 << 20, 'a'), "too long"},
      {{"files", "\xff\xfe"}, "", "UTF-8"},
      {{"list\x01", "files"}, "", "control character"},
      {{}, std::string("list\0files", 10), "NUL"},
      {{"-p", "list \x1b[31m files"}, "", "control character"},
  };
  for (const auto& c : cases) {
    const auto result = caro(c.args, {}, c.stdin_text);
    EXPECT_EQ(result.exit_status, 2) << c.expected;
    EXPECT_NE(result.err.find(c.expected), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

TEST_F(CliContract, NoRequestWithoutStdinIsAUsageError)
{
  // stdin is an empty pipe here, so caro reads nothing and says so.
  const auto result = caro({});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("empty"), std::string::npos) << result.err;
}

TEST_F(CliContract, UngeneratableRequestExitsThree)
{
  const auto result = caro({"-b", "static", "please", "compose", "a", "sonnet", "about", "autumn"});
  EXPECT_EQ(result.exit_status, 3);
  EXPECT_TRUE(result.out.empty());
  EXPECT_NE(result.err.find("caro: error:"), std::string::npos);
}

TEST_F(CliContract, UnavailableBackendSaysWhyAndExitsThree)
{
  const auto result = caro({"-b", "embedded", "list", "files"});
  EXPECT_EQ(result.exit_status, 3);
  EXPECT_NE(result.err.find("llama.cpp"), std::string::npos) << result.err;
}

TEST_F(CliContract, ValidateRatesADangerousCommandCriticalAndBlocksIt)
{
  const auto result = caro({"validate", "-o", "json", "--", "rm -rf /"});
  EXPECT_EQ(result.exit_status, 1);
  const auto doc = json::parse(result.out);
  EXPECT_EQ(doc["risk"], "critical");
  EXPECT_TRUE(doc["blocked"].get<bool>());
  ASSERT_FALSE(doc["findings"].empty());
  const auto& finding = doc["findings"][0];
  EXPECT_FALSE(finding["rule"].get<std::string>().empty());
  EXPECT_EQ(finding["risk"], "critical");
  EXPECT_FALSE(finding["message"].get<std::string>().empty());
  EXPECT_TRUE(finding["span"]["start"].is_number());
  EXPECT_TRUE(finding["span"]["end"].is_number());
}

TEST_F(CliContract, ValidateJoinsWordsAfterDoubleDash)
{
  const auto doc = caro_json({"validate", "-o", "json", "--", "ls", "-la"});
  EXPECT_EQ(doc["command"], "ls -la");
  EXPECT_EQ(doc["risk"], "safe");
  EXPECT_FALSE(doc["blocked"].get<bool>());
}

TEST_F(CliContract, ValidatePlainPrintsRiskBlockedAndFindings)
{
  const auto result = caro({"validate", "--", "rm -rf ~"});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.out.find("risk: critical"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("blocked: yes"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("findings:"), std::string::npos) << result.out;
}

TEST_F(CliContract, PermissiveModeDoesNotBlock)
{
  const auto doc = caro_json({"--safety", "permissive", "validate", "-o", "json", "--", "rm -rf /"});
  EXPECT_EQ(doc["risk"], "critical");
  EXPECT_FALSE(doc["blocked"].get<bool>());
}

TEST_F(CliContract, ValidateWithoutCommandIsAUsageError)
{
  EXPECT_EQ(caro({"validate"}).exit_status, 2);
}

TEST_F(CliContract, ExecuteRunsTheCommandAndReturnsItsStatus)
{
  home.write("work/a.txt", "one\ntwo\nthree\n");
  const auto work = (home.path() / "work").string();
  const auto ok = run_caro(home, CaroRun{{"-b", "static", "-x", "count", "lines", "in", "a.txt"}, {}, {}, work});
  EXPECT_EQ(ok.exit_status, 0) << ok.err;
  EXPECT_NE(ok.out.find("3 a.txt"), std::string::npos) << ok.out;

  const auto failing =
      run_caro(home, CaroRun{{"-b", "static", "-x", "count", "lines", "in", "missing.txt"}, {}, {}, work});
  EXPECT_EQ(failing.exit_status, 1) << "wc's own exit status for a missing file";
}

TEST_F(CliContract, DryRunNeverExecutes)
{
  home.write("work/a.txt", "one\n");
  const auto work = (home.path() / "work").string();
  const auto result =
      run_caro(home, CaroRun{{"-b", "static", "-x", "--dry-run", "count", "lines", "in", "a.txt"}, {}, {}, work});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.out, "wc -l a.txt\n");
}

TEST_F(CliContract, WithoutExecuteNothingRunsOffATerminal)
{
  home.write("work/a.txt", "one\n");
  const auto work = (home.path() / "work").string();
  const auto result = run_caro(home, CaroRun{{"-b", "static", "count", "lines", "in", "a.txt"}, {}, {}, work});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.out, "wc -l a.txt\n");
}

TEST_F(CliContract, InitAndCompletionRejectUnknownShells)
{
  EXPECT_EQ(caro({"init", "tcsh"}).exit_status, 2);
  EXPECT_EQ(caro({"completion", "powershell"}).exit_status, 2);
  EXPECT_EQ(caro({"init"}).exit_status, 2);
  EXPECT_EQ(caro({"init", "sh"}).exit_status, 2);
  EXPECT_EQ(caro({"init", "bash"}).exit_status, 0);
  EXPECT_EQ(caro({"completion", "zsh"}).exit_status, 0);
}

TEST_F(CliContract, DoctorReportsContextAndBackends)
{
  const auto doc = caro_json({"doctor", "-o", "json"});
  EXPECT_EQ(doc["context"]["platform"], "gnu");
  EXPECT_EQ(doc["context"]["tool_flavors"]["find"], "gnu");
  ASSERT_EQ(doc["backends"].size(), 3u);
  EXPECT_EQ(doc["backends"][0]["name"], "static");
  EXPECT_TRUE(doc["backends"][0]["usable"].get<bool>());
  EXPECT_FALSE(doc["backends"][1]["usable"].get<bool>());
  EXPECT_FALSE(doc["backends"][1]["reason"].get<std::string>().empty());
}

TEST_F(CliContract, PlatformFlagChangesTheDialect)
{
  const auto gnu = caro_json({"-b", "static", "-o", "json", "--platform", "gnu", "size", "of", "each", "subdirectory"});
  const auto bsd = caro_json({"-b", "static", "-o", "json", "--platform", "bsd", "size", "of", "each", "subdirectory"});
  EXPECT_EQ(gnu["platform"], "gnu");
  EXPECT_EQ(bsd["platform"], "bsd");
  EXPECT_NE(gnu["command"], bsd["command"]);
}

} // namespace
} // namespace caro::testing
