// run_in_shell: exit codes, the exact command string reaching the shell, and
// signal forwarding. Tests that send signals do so to a forked copy of the
// test process (reporting through its exit status), never to the test itself.

#include "caro/exec/shell_runner.h"
#include "support/caro_process.h"
#include "support/patience.h"

#include <gtest/gtest.h>

#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

namespace caro::exec {
namespace {

using caro::testing::TempDir;

constexpr const char* k_shell = "/bin/sh";

// Exit status of a forked copy of this process that runs `body` and exits
// with what it returns; 128+N if it died of signal N.
int status_of(pid_t pid)
{
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      return -1;
    }
  }
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

// Polls for `path` to exist: the inner shell creates it once its trap is set.
bool wait_for_file(const std::filesystem::path& path)
{
  const auto deadline = std::chrono::steady_clock::now() + caro::testing::k_patience;
  while (!std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

int run_or_99(const std::string& command)
{
  const auto result = run_in_shell(k_shell, command);
  return result ? *result : 99;
}

TEST(RunInShell, ReturnsZeroForTrue)
{
  const auto result = run_in_shell(k_shell, "true");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 0);
}

TEST(RunInShell, ReturnsOneForFalse)
{
  const auto result = run_in_shell(k_shell, "false");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 1);
}

TEST(RunInShell, ReturnsTheCommandsExitCode)
{
  const auto result = run_in_shell(k_shell, "exit 42");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 42);
}

TEST(RunInShell, PassesTheExactStringWithPipesAndQuotesToTheShell)
{
  const TempDir dir;
  const auto out = dir.path() / "out.txt";
  const std::string command = "printf '%s\\n' \"a b\" 'c|d' $((1+2)) | tr a-z A-Z > '" + out.string() + "'";
  const auto result = run_in_shell(k_shell, command);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 0);
  EXPECT_EQ(caro::testing::read_file(out), "A B\nC|D\n3\n");
}

TEST(RunInShell, FindsAShellByNameOnThePath)
{
  const auto result = run_in_shell("sh", "exit 3");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 3);
}

TEST(RunInShell, Returns128PlusSignalWhenTheChildIsKilled)
{
  const auto result = run_in_shell(k_shell, "kill -KILL $$");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 128 + SIGKILL);
}

TEST(RunInShell, NonexistentShellIsAnErrorNamingTheShellAndTheFix)
{
  const auto result = run_in_shell("/nonexistent/caro-shell", "true");
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("/nonexistent/caro-shell"), std::string::npos);
  EXPECT_NE(result.error().hint.find("$SHELL"), std::string::npos);
  EXPECT_NE(result.error().hint.find("-s"), std::string::npos);
}

TEST(RunInShell, EmptyShellPathIsAnError)
{
  const auto result = run_in_shell("", "true");
  EXPECT_FALSE(result.has_value());
}

void test_handler(int)
{
}

TEST(RunInShell, RestoresThePreviousSignalHandlers)
{
  struct sigaction custom
  {
  };
  custom.sa_handler = test_handler;
  sigemptyset(&custom.sa_mask);
  struct sigaction original
  {
  };
  ASSERT_EQ(::sigaction(SIGTERM, &custom, &original), 0);

  const auto result = run_in_shell(k_shell, "true");

  struct sigaction after
  {
  };
  ::sigaction(SIGTERM, &original, &after);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(after.sa_handler, &test_handler);
  EXPECT_EQ(after.sa_flags & SA_SIGINFO, 0);
}

// The forked "caro" receives `signal_number`; the inner shell traps it and
// exits 7, which run_in_shell returns, so the fork exits 7. Without
// forwarding the fork would die of the signal (or the shell would loop until
// the test's timeout kills it).
class SignalForwarding : public ::testing::TestWithParam<int>
{
};

TEST_P(SignalForwarding, ForwardsTheSignalToTheChildAndReturnsItsStatus)
{
  const int signal_number = GetParam();
  const TempDir dir;
  const auto ready = dir.path() / "ready";
  const std::string command = "trap 'exit 7' " + std::to_string(signal_number) + "; : > '" + ready.string() +
                              "'; i=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; exit 50";

  const pid_t fork_pid = ::fork();
  ASSERT_GE(fork_pid, 0);
  if (fork_pid == 0) {
    // A shell cannot trap a signal that was ignored when it started.
    ::signal(signal_number, SIG_DFL);
    ::_exit(run_or_99(command));
  }
  const bool started = wait_for_file(ready);
  if (started) {
    ::kill(fork_pid, signal_number);
  }
  const int status = status_of(fork_pid);
  ASSERT_TRUE(started);
  EXPECT_EQ(status, 7);
}

INSTANTIATE_TEST_SUITE_P(RunInShell, SignalForwarding, ::testing::Values(SIGTERM, SIGINT, SIGHUP, SIGQUIT),
                         [](const ::testing::TestParamInfo<int>& case_info) {
                           return std::string(sigabbrev_np(case_info.param));
                         });

// On a terminal, Ctrl-C reaches the whole foreground process group: the
// shell gets it directly, and caro must survive it and report the shell's
// status instead of dying first.
TEST(RunInShell, SurvivesCtrlCOnTheTerminalAndReturnsTheChildsStatus)
{
  const TempDir dir;
  const auto ready = dir.path() / "ready";
  const std::string command = "trap 'exit 5' INT; : > '" + ready.string() +
                              "'; i=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; exit 50";
  int master = -1;
  const pid_t fork_pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  ASSERT_GE(fork_pid, 0);
  if (fork_pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::_exit(run_or_99(command));
  }
  const bool started = wait_for_file(ready);
  if (started) {
    const char ctrl_c = '\x03';
    EXPECT_EQ(::write(master, &ctrl_c, 1), 1);
  }
  const int status = status_of(fork_pid);
  ::close(master);
  ASSERT_TRUE(started);
  EXPECT_EQ(status, 5);
}

} // namespace
} // namespace caro::exec
