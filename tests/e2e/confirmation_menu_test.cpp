// End-to-end tests of caro on a terminal: the command shown with its risk,
// the "Run it?" menu, editing, explaining, and the rule that nothing runs
// without a "y".

#include "support/caro_process.h"
#include "support/patience.h"
#include "support/pty_session.h"

#include <gtest/gtest.h>

namespace caro::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto k_wait = k_patience;
constexpr std::string_view k_menu = "Run it?";

class ConfirmationMenu : public ::testing::Test
{
protected:
  TempDir home;
  std::filesystem::path work = home.path() / "work";

  void SetUp() override { home.write("work/notes.txt", "alpha\nbeta\n"); }

  std::unique_ptr<PtySession> start(std::vector<std::string> args, std::map<std::string, std::string> env = {})
  {
    std::vector<std::string> argv{CARO_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    env.emplace("TERM", "xterm");
    // Answered, so the first-run telemetry question does not come before the menu.
    env.emplace("CARO_TELEMETRY", "false");
    return std::make_unique<PtySession>(argv, caro_environment(home, env), work.string());
  }
};

TEST_F(ConfirmationMenu, YesRunsTheCommandAndReturnsItsStatus)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait)) << session->output();
  EXPECT_NE(session->output().find("wc -l notes.txt"), std::string::npos);
  session->send("y");
  EXPECT_TRUE(session->expect("2 notes.txt", k_wait)) << session->output();
  EXPECT_EQ(session->wait_exit(k_wait), 0);
}

TEST_F(ConfirmationMenu, EnterDeclinesAndRunsNothing)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait)) << session->output();
  session->send("\r");
  EXPECT_EQ(session->wait_exit(k_wait), 1);
  EXPECT_EQ(session->output().find("2 notes.txt"), std::string::npos) << session->output();
}

TEST_F(ConfirmationMenu, NoDeclines)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("n");
  EXPECT_EQ(session->wait_exit(k_wait), 1);
  EXPECT_EQ(session->output().find("2 notes.txt"), std::string::npos);
}

TEST_F(ConfirmationMenu, KeysTypedBeforeThePromptAreDiscarded)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  // Typed ahead, before caro has even printed the command.
  session->send("y");
  ASSERT_TRUE(session->expect(k_menu, k_wait)) << session->output();
  session->send("\r");
  EXPECT_EQ(session->wait_exit(k_wait), 1) << session->output();
  EXPECT_EQ(session->output().find("2 notes.txt"), std::string::npos) << session->output();
}

TEST_F(ConfirmationMenu, EditReplacesTheCommandWhichIsCheckedAgain)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("e");
  ASSERT_TRUE(session->expect("wc -l notes.txt", k_wait)) << session->output();
  session->send("\x15"); // Ctrl-U: clear the line
  session->send("echo edited-$((6*7))\r");
  ASSERT_TRUE(session->expect(k_menu, k_wait)) << session->output();
  session->send("y");
  EXPECT_TRUE(session->expect("edited-42", k_wait)) << session->output();
  EXPECT_EQ(session->wait_exit(k_wait), 0);
}

TEST_F(ConfirmationMenu, EditingIntoABlockedCommandBlocksIt)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("e");
  ASSERT_TRUE(session->expect("wc -l notes.txt", k_wait));
  session->send("\x15rm -rf ~\r");
  EXPECT_TRUE(session->expect("blocked", k_wait)) << session->output();
  EXPECT_EQ(session->wait_exit(k_wait), 1);
  EXPECT_TRUE(std::filesystem::exists(work / "notes.txt"));
}

TEST_F(ConfirmationMenu, ExplainShowsTheRiskAndAsksAgain)
{
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("x");
  EXPECT_TRUE(session->expect("risk:", k_wait)) << session->output();
  ASSERT_TRUE(session->expect(k_menu, k_wait)) << session->output();
  session->send("n");
  EXPECT_EQ(session->wait_exit(k_wait), 1);
}

TEST_F(ConfirmationMenu, CommandIsColouredByRiskUnlessNoColor)
{
  auto coloured = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(coloured->expect(k_menu, k_wait));
  EXPECT_NE(coloured->output().find("\x1b[32mwc -l notes.txt"), std::string::npos) << coloured->output();
  coloured->send("n");
  coloured->wait_exit(k_wait);

  auto plain = start({"-b", "static", "count", "lines", "in", "notes.txt"}, {{"NO_COLOR", "1"}});
  ASSERT_TRUE(plain->expect(k_menu, k_wait));
  EXPECT_EQ(plain->output().find("\x1b["), std::string::npos) << plain->output();
  plain->send("n");
  plain->wait_exit(k_wait);

  auto flag = start({"--no-color", "-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(flag->expect(k_menu, k_wait));
  EXPECT_EQ(flag->output().find("\x1b[3"), std::string::npos) << flag->output();
  flag->send("n");
  flag->wait_exit(k_wait);
}

TEST_F(ConfirmationMenu, ExecuteRunsASafeCommandWithoutAsking)
{
  auto session = start({"-x", "-b", "static", "count", "lines", "in", "notes.txt"});
  EXPECT_TRUE(session->expect("2 notes.txt", k_wait)) << session->output();
  EXPECT_EQ(session->output().find(k_menu), std::string::npos);
  EXPECT_EQ(session->wait_exit(k_wait), 0);
}

TEST_F(ConfirmationMenu, DryRunShowsButNeverAsks)
{
  auto session = start({"--dry-run", "-b", "static", "count", "lines", "in", "notes.txt"});
  EXPECT_EQ(session->wait_exit(k_wait), 0);
  EXPECT_NE(session->output().find("wc -l notes.txt"), std::string::npos);
  EXPECT_EQ(session->output().find(k_menu), std::string::npos);
}

TEST_F(ConfirmationMenu, CtrlCDuringTheCommandReachesItAndCaroReturnsItsStatus)
{
  // A command that traps SIGINT and exits 5: proves the signal reached the
  // child and caro passed its status through.
  auto session = start({"-b", "static", "count", "lines", "in", "notes.txt"});
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("e");
  ASSERT_TRUE(session->expect("wc -l notes.txt", k_wait));
  session->send("\x15trap 'exit 5' INT; echo waiting; while :; do sleep 0.05; done\r");
  ASSERT_TRUE(session->expect(k_menu, k_wait));
  session->send("y");
  ASSERT_TRUE(session->expect("waiting", k_wait)) << session->output();
  session->send("\x03");
  EXPECT_EQ(session->wait_exit(k_wait), 5) << session->output();
}

} // namespace
} // namespace caro::testing
