// Every script caro prints must parse in the shell it is for: each is written
// to a file and checked with that shell's own no-execute mode.

#include "caro/cli/shell_integration.h"
#include "shell_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro {
namespace {

using shell_test::completion_text;
using shell_test::init_text;
using shell_test::run_in_sandbox;

std::vector<std::string> syntax_check_command(Shell shell, const std::string& file)
{
  switch (shell) {
  case Shell::bash:
    return {"bash", "-n", file};
  case Shell::zsh:
    return {"zsh", "-n", file};
  case Shell::fish:
    return {"fish", "--no-execute", file};
  case Shell::sh:
    break;
  }
  return {"sh", "-n", file};
}

// Returns the shell's complaint, or an empty string when the script parses.
std::string syntax_errors(Shell shell, const std::string& script)
{
  testing::TempDir dir;
  const auto file = dir.write("script", script);
  const auto result = run_in_sandbox(dir, syntax_check_command(shell, file.string()));
  if (result.exit_status != 0) {
    return "exit " + std::to_string(result.exit_status) + ": " + result.err;
  }
  return result.err;
}

class ScriptSyntax : public ::testing::TestWithParam<Shell>
{
};

TEST_P(ScriptSyntax, InitScriptParses)
{
  const auto script = init_text(GetParam());
  ASSERT_FALSE(script.empty());
  EXPECT_EQ(syntax_errors(GetParam(), script), "");
}

TEST_P(ScriptSyntax, CompletionScriptParses)
{
  const auto script = completion_text(GetParam());
  ASSERT_FALSE(script.empty());
  EXPECT_EQ(syntax_errors(GetParam(), script), "");
}

// Guards the two tests above: the checker must notice a broken script.
TEST_P(ScriptSyntax, SyntaxCheckRejectsAnUnfinishedBlock)
{
  const std::string broken = GetParam() == Shell::fish ? "if true\n  echo x\n" : "if true; then\n  echo x\n";
  EXPECT_NE(syntax_errors(GetParam(), broken), "");
}

INSTANTIATE_TEST_SUITE_P(Shells, ScriptSyntax, ::testing::Values(Shell::bash, Shell::zsh, Shell::fish),
                         [](const ::testing::TestParamInfo<Shell>& param_info) {
                           return std::string(to_string(param_info.param));
                         });

TEST(ShellIntegration, InitRefusesPlainSh)
{
  const auto script = cli::init_script(Shell::sh);
  ASSERT_FALSE(script.has_value());
  EXPECT_EQ(script.error().message, "init supports bash, zsh and fish");
  EXPECT_FALSE(script.error().hint.empty());
}

TEST(ShellIntegration, CompletionRefusesPlainSh)
{
  const auto script = cli::completion_script(Shell::sh);
  ASSERT_FALSE(script.has_value());
  EXPECT_EQ(script.error().message, "completion supports bash, zsh and fish");
}

} // namespace
} // namespace caro
