#include "caro/util/subprocess.h"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

namespace caro::util {
namespace {

TEST(Capture, ReturnsExitStatusAndBothStreams)
{
  auto result = capture({"sh", "-c", "echo out; echo err >&2; exit 3"});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->exit_status, 3);
  EXPECT_EQ(result->out, "out\n");
  EXPECT_EQ(result->err, "err\n");
  EXPECT_FALSE(result->timed_out);
}

TEST(Capture, FeedsStdinAndReadsItBack)
{
  CaptureOptions options;
  options.stdin_text = std::string(200000, 'x') + "\n";
  auto result = capture({"wc", "-c"}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->out, "200001\n");
}

TEST(Capture, ChildClosingStdinEarlyDoesNotKillTheCaller)
{
  CaptureOptions options;
  options.stdin_text = std::string(1 << 20, 'x');
  auto result = capture({"true"}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->exit_status, 0);
}

TEST(Capture, LeavesTheSigpipeDispositionAndMaskAsTheyWere)
{
  struct sigaction before = {};
  ::sigaction(SIGPIPE, nullptr, &before);
  CaptureOptions options;
  options.stdin_text = std::string(1 << 20, 'x');
  std::thread other([&] { (void)capture({"true"}, options); });
  (void)capture({"true"}, options);
  other.join();
  struct sigaction after = {};
  ::sigaction(SIGPIPE, nullptr, &after);
  EXPECT_EQ(before.sa_handler, after.sa_handler);
  sigset_t mask;
  ::pthread_sigmask(SIG_SETMASK, nullptr, &mask);
  EXPECT_EQ(sigismember(&mask, SIGPIPE), 0);
}

TEST(Capture, KillsAProgramThatRunsPastTheTimeout)
{
  CaptureOptions options;
  options.timeout = std::chrono::milliseconds(200);
  auto result = capture({"sleep", "5"}, options);
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->timed_out);
  EXPECT_EQ(result->exit_status, 128 + SIGKILL);
}

TEST(Capture, UsesTheGivenEnvironmentAndDirectory)
{
  CaptureOptions options;
  options.environment = std::vector<std::string>{"GREETING=hello", "PATH=/usr/bin:/bin"};
  options.working_directory.push_back('/'); // not = "/": g++ 12 warns falsely (-Wrestrict) on that
  auto result = capture({"sh", "-c", "echo $GREETING; pwd"}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->out, "hello\n/\n");
}

TEST(Capture, MissingProgramIsAnError)
{
  auto result = capture({"caro-no-such-program-here"});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("caro-no-such-program-here"), std::string::npos);
}

TEST(Capture, KeepsAtMostMaxOutputBytes)
{
  CaptureOptions options;
  options.max_output = 10;
  auto result = capture({"sh", "-c", "yes | head -c 100000"}, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->out.size(), 10u);
  EXPECT_EQ(result->exit_status, 0);
}

TEST(Capture, ReportsTheChildsPeakResidentSet)
{
  // dd reads into one 64 MB buffer, so its peak resident set is at least that.
  auto big = capture({"dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"});
  auto small = capture({"true"});
  ASSERT_TRUE(big);
  ASSERT_TRUE(small);
  EXPECT_GE(big->peak_rss_kb, 64 * 1024);
  EXPECT_GT(small->peak_rss_kb, 0);
  EXPECT_LT(small->peak_rss_kb, big->peak_rss_kb);
}

} // namespace
} // namespace caro::util
