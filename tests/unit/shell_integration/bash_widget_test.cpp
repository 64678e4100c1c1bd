// The bash Ctrl-G widget, called directly (as readline would through bind -x)
// with READLINE_LINE set, against a fake caro: what the line and the cursor
// become, and what caro was asked.

#include "shell_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

namespace caro {
namespace {

using shell_test::init_text;
using shell_test::run_in_sandbox;
using shell_test::write_fake_caro;

struct WidgetRun
{
  std::string line;
  std::string point;
  std::string caro_stderr;
  util::ProcessOutput process;
};

class BashWidget : public ::testing::Test
{
protected:
  // Sources the init script, optionally runs `prelude`, then calls the widget
  // on `line` with the cursor at 0 and reports READLINE_LINE/READLINE_POINT.
  WidgetRun press_ctrl_g(const std::string& line, std::map<std::string, std::string> env = {},
                         const std::string& prelude = "")
  {
    const auto init = m_dir.write("init.bash", init_text(Shell::bash));
    if (env.find("CARO_BIN") == env.end()) {
      env["CARO_BIN"] = m_fake.string();
    }
    const std::string program = "source \"$1\"\n" + prelude +
                                "\nREADLINE_LINE=$2\nREADLINE_POINT=0\n_caro_widget\n"
                                "printf '%s\\n%s\\n' \"$READLINE_LINE\" \"$READLINE_POINT\"\n";
    WidgetRun run;
    run.process = run_in_sandbox(m_dir, {"bash", "-c", program, "bash", init.string(), line}, env);
    const auto newline = run.process.out.find('\n');
    if (newline != std::string::npos) {
      run.line = run.process.out.substr(0, newline);
      run.point = run.process.out.substr(newline + 1);
      if (!run.point.empty() && run.point.back() == '\n') {
        run.point.pop_back();
      }
    }
    run.caro_stderr = run.process.err;
    return run;
  }

  std::string calls() const { return testing::read_file(m_fake.parent_path() / "calls.log"); }

  testing::TempDir m_dir;
  std::filesystem::path m_fake = write_fake_caro(m_dir);
};

TEST_F(BashWidget, ReplacesTheLineWithTheGeneratedCommandAndPutsTheCursorAtItsEnd)
{
  const auto run = press_ctrl_g("list files");
  const std::string expected = "echo generated-bash-list-files";
  EXPECT_EQ(run.process.exit_status, 0) << run.process.err;
  EXPECT_EQ(run.line, expected);
  EXPECT_EQ(run.point, std::to_string(expected.size()));
}

TEST_F(BashWidget, AsksForTheBashCommandWithTheWholeLineAsOnePrompt)
{
  (void)press_ctrl_g("config files changed today");
  EXPECT_EQ(calls(), "--shell bash --prompt=config files changed today\n");
}

TEST_F(BashWidget, KeepsTheLineAndShowsTheMessageWhenCaroFails)
{
  const auto run = press_ctrl_g("fail on this");
  EXPECT_EQ(run.line, "fail on this");
  EXPECT_EQ(run.point, "0");
  EXPECT_NE(run.caro_stderr.find("fake caro: no command for that"), std::string::npos) << run.caro_stderr;
}

TEST_F(BashWidget, KeepsTheLineWhenCaroPrintsNothing)
{
  const auto run = press_ctrl_g("silent request");
  EXPECT_EQ(run.line, "silent request");
  EXPECT_EQ(run.point, "0");
}

TEST_F(BashWidget, DoesNotCallCaroForABlankLine)
{
  const auto run = press_ctrl_g("   ");
  EXPECT_EQ(run.line, "   ");
  EXPECT_FALSE(std::filesystem::exists(m_fake.parent_path() / "calls.log"));
}

TEST_F(BashWidget, WithoutCaroBinRunsTheCaroOnPathNotAFunctionOfThatName)
{
  const std::string path = m_fake.parent_path().string() + ":" + std::getenv("PATH");
  const auto run =
      press_ctrl_g("list files", {{"CARO_BIN", ""}, {"PATH", path}}, "caro() { echo 'echo from-function'; }");
  EXPECT_EQ(run.line, "echo generated-bash-list-files");
}

TEST_F(BashWidget, CaroBinOverridesTheCaroOnPath)
{
  const auto other = write_fake_caro(m_dir, "other/caro-dev");
  const std::string path = m_fake.parent_path().string() + ":" + std::getenv("PATH");
  const auto run = press_ctrl_g("list files", {{"CARO_BIN", other.string()}, {"PATH", path}});
  EXPECT_EQ(run.line, "echo generated-bash-list-files");
  EXPECT_FALSE(std::filesystem::exists(m_fake.parent_path() / "calls.log"));
  EXPECT_TRUE(std::filesystem::exists(other.parent_path() / "calls.log"));
}

} // namespace
} // namespace caro
