// The PtySession test helper (tests/support), checked with /bin/sh standing
// in for caro: the end-to-end tests rely on it to see a real terminal, type
// keys, wait for text and collect exit statuses.

#include "support/caro_process.h"
#include "support/patience.h"
#include "support/pty_session.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

namespace caro::testing {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> minimal_environment()
{
  const char* path = std::getenv("PATH");
  return {std::string("PATH=") + (path != nullptr ? path : "/usr/bin:/bin"), "LC_ALL=C"};
}

TEST(PtySession, TheProgramSeesATerminal)
{
  PtySession session({"/bin/sh", "-c", "[ -t 0 ] && [ -t 1 ] && echo on-a-tty"}, minimal_environment());
  EXPECT_TRUE(session.expect("on-a-tty", caro::testing::k_patience));
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 0);
}

TEST(PtySession, SendsKeysAndWaitsForText)
{
  PtySession session({"/bin/sh", "-c", "printf 'name? '; read answer; echo \"hello $answer\"; exit 3"},
                     minimal_environment());
  ASSERT_TRUE(session.expect("name? ", caro::testing::k_patience));
  session.send("caro\r");
  EXPECT_TRUE(session.expect("hello caro", caro::testing::k_patience));
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 3);
  EXPECT_NE(session.output().find("name? caro"), std::string::npos); // the terminal echoed the typing
}

TEST(PtySession, ExpectMatchesEachOccurrenceOnce)
{
  PtySession session({"/bin/sh", "-c", "echo ping; read x; echo ping"}, minimal_environment());
  ASSERT_TRUE(session.expect("ping", caro::testing::k_patience));
  EXPECT_FALSE(session.expect("ping", 200ms)); // the second one is not printed yet
  session.send("\r");
  EXPECT_TRUE(session.expect("ping", caro::testing::k_patience));
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 0);
}

TEST(PtySession, ExpectFailsWhenTheOutputEndsWithoutTheText)
{
  PtySession session({"/bin/sh", "-c", "echo something else"}, minimal_environment());
  EXPECT_FALSE(session.expect("never printed", 1s));
  EXPECT_NE(session.output().find("something else"), std::string::npos);
}

TEST(PtySession, UsesTheGivenEnvironmentAndDirectory)
{
  const TempDir dir;
  auto env = minimal_environment();
  env.push_back("CARO_PTY_TEST=marker-value");
  PtySession session({"sh", "-c", "echo \"[$CARO_PTY_TEST] [$(pwd)] [${HOME-unset}]\""}, env, dir.path().string());
  EXPECT_TRUE(session.expect("[marker-value] [" + dir.path().string() + "] [unset]", caro::testing::k_patience))
      << session.output();
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 0);
}

TEST(PtySession, ReportsDeathBySignalAs128PlusN)
{
  PtySession session({"/bin/sh", "-c", "kill -TERM $$"}, minimal_environment());
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 128 + 15);
}

TEST(PtySession, CtrlCReachesTheProgramThroughTheTerminal)
{
  PtySession session({"/bin/sh", "-c", "trap 'exit 9' INT; echo ready; while :; do sleep 0.05; done"},
                     minimal_environment());
  ASSERT_TRUE(session.expect("ready", caro::testing::k_patience));
  session.send("\x03");
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 9);
}

TEST(PtySession, WaitExitKillsAProgramThatDoesNotEndAndReturnsMinusOne)
{
  PtySession session({"/bin/sh", "-c", "echo waiting; while :; do sleep 1; done"}, minimal_environment());
  ASSERT_TRUE(session.expect("waiting", caro::testing::k_patience));
  EXPECT_EQ(session.wait_exit(100ms), -1);
  EXPECT_EQ(session.wait_exit(100ms), -1); // the same answer again, without waiting
}

TEST(PtySession, AProgramThatCannotBeExecutedExits127)
{
  PtySession session({"/nonexistent/program"}, minimal_environment());
  EXPECT_EQ(session.wait_exit(caro::testing::k_patience), 127);
  EXPECT_NE(session.output().find("cannot execute /nonexistent/program"), std::string::npos);
}

} // namespace
} // namespace caro::testing
