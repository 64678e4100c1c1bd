// The line editor, driven through a real pseudo-terminal: each test starts it
// with some text, types keys, and checks the line it returns.

#include "caro/cli/confirm_menu.h"
#include "pty_pair.h"

#include <gtest/gtest.h>

#include <future>
#include <optional>
#include <string>

namespace caro::cli {
namespace {

using testing::get_result;
using testing::PtyPair;

constexpr std::string_view k_left = "\x1b[D";
constexpr std::string_view k_right = "\x1b[C";

// Starts the editor with `initial`, waits for the first draw (raw mode is on
// by then), types `keys`.
std::optional<std::string> edit(PtyPair& pty, std::string initial, std::string_view keys)
{
  auto result = std::async(std::launch::async,
                           [&pty, initial] { return edit_line(pty.slave(), pty.slave(), "edit> ", initial); });
  EXPECT_TRUE(pty.wait_for("edit> "));
  pty.type(keys);
  return get_result(result, pty);
}

std::optional<std::string> edit(std::string initial, std::string_view keys)
{
  PtyPair pty;
  return edit(pty, std::move(initial), keys);
}

std::string repeat(std::string_view key, int times)
{
  std::string keys;
  for (int i = 0; i < times; ++i) {
    keys += key;
  }
  return keys;
}

TEST(LineEditor, EnterReturnsTheInitialTextUnchanged)
{
  EXPECT_EQ(edit("ls -la", "\r"), "ls -la");
}

TEST(LineEditor, LineFeedAlsoAccepts)
{
  EXPECT_EQ(edit("ls -la", "\n"), "ls -la");
}

TEST(LineEditor, TypingAppendsAtTheEnd)
{
  EXPECT_EQ(edit("ls", " -la\r"), "ls -la");
}

TEST(LineEditor, LeftArrowsMoveTheInsertionPoint)
{
  EXPECT_EQ(edit("ls -la", repeat(k_left, 3) + "X\r"), "ls X-la");
}

TEST(LineEditor, RightArrowMovesBackTowardsTheEnd)
{
  EXPECT_EQ(edit("abc", repeat(k_left, 3) + std::string(k_right) + "X\r"), "aXbc");
}

TEST(LineEditor, LeftStopsAtTheStartAndRightAtTheEnd)
{
  EXPECT_EQ(edit("ab", repeat(k_left, 5) + "<" + repeat(k_right, 9) + ">\r"), "<ab>");
}

TEST(LineEditor, CtrlUDeletesToTheStartOfTheLine)
{
  EXPECT_EQ(edit("rm -rf /", "\x15ls\r"), "ls");
}

TEST(LineEditor, CtrlUKeepsTextAfterTheCursor)
{
  EXPECT_EQ(edit("abc def", repeat(k_left, 3) + "\x15\r"), "def");
}

TEST(LineEditor, CtrlKDeletesToTheEndOfTheLine)
{
  EXPECT_EQ(edit("abc def", repeat(k_left, 4) + "\x0b\r"), "abc");
}

TEST(LineEditor, BackspaceDeletesTheCharacterBeforeTheCursor)
{
  EXPECT_EQ(edit("lss", "\x7f\r"), "ls");
}

TEST(LineEditor, CtrlHIsAlsoBackspace)
{
  EXPECT_EQ(edit("lss", "\x08\r"), "ls");
}

TEST(LineEditor, BackspaceAtTheStartDoesNothing)
{
  EXPECT_EQ(edit("ls", repeat(k_left, 2) + "\x7f\r"), "ls");
}

TEST(LineEditor, DeleteRemovesTheCharacterUnderTheCursor)
{
  EXPECT_EQ(edit("lxs", repeat(k_left, 2) + "\x1b[3~\r"), "ls");
}

TEST(LineEditor, DeleteAtTheEndDoesNothing)
{
  EXPECT_EQ(edit("ls", "\x1b[3~\r"), "ls");
}

struct HomeEndCase
{
  const char* name;
  std::string home;
  std::string end;
};

class HomeEndKeys : public ::testing::TestWithParam<HomeEndCase>
{
};

TEST_P(HomeEndKeys, MoveToTheStartAndTheEnd)
{
  const std::string keys = GetParam().home + "[" + GetParam().end + "]\r";
  EXPECT_EQ(edit("echo hi", keys), "[echo hi]");
}

INSTANTIATE_TEST_SUITE_P(
    LineEditor, HomeEndKeys,
    ::testing::Values(HomeEndCase{"CsiLetters", "\x1b[H", "\x1b[F"}, HomeEndCase{"CsiTilde", "\x1b[1~", "\x1b[4~"},
                      HomeEndCase{"Ss3", "\x1bOH", "\x1bOF"}, HomeEndCase{"CtrlAE", "\x01", "\x05"}),
    [](const ::testing::TestParamInfo<HomeEndCase>& case_info) { return std::string(case_info.param.name); });

TEST(LineEditor, CtrlWDeletesThePreviousWord)
{
  EXPECT_EQ(edit("find . -name foo", "\x17\r"), "find . -name ");
}

TEST(LineEditor, CtrlWDeletesTrailingBlanksWithThePreviousWord)
{
  EXPECT_EQ(edit("find . -name   ", "\x17\r"), "find . ");
}

TEST(LineEditor, CtrlWInTheMiddleKeepsTheRest)
{
  EXPECT_EQ(edit("ls -la /tmp", repeat(k_left, 4) + "\x17\r"), "ls /tmp");
}

TEST(LineEditor, EscCancels)
{
  EXPECT_EQ(edit("rm -rf build", "\x1b"), std::nullopt);
}

TEST(LineEditor, CtrlCCancels)
{
  EXPECT_EQ(edit("rm -rf build", "abc\x03"), std::nullopt);
}

TEST(LineEditor, CtrlDOnAnEmptyLineCancels)
{
  EXPECT_EQ(edit("ab", "\x7f\x7f\x04"), std::nullopt);
}

TEST(LineEditor, CtrlDOnANonEmptyLineDeletesForward)
{
  EXPECT_EQ(edit("abc", repeat(k_left, 3) + "\x04\r"), "bc");
}

TEST(LineEditor, HangUpCancels)
{
  PtyPair pty;
  auto result = std::async(std::launch::async, [&pty] { return edit_line(pty.slave(), pty.slave(), "> ", "ls"); });
  ASSERT_TRUE(pty.wait_for("> ls"));
  pty.close_master();
  EXPECT_EQ(get_result(result, pty), std::nullopt);
}

TEST(LineEditor, InsertsUtf8Characters)
{
  EXPECT_EQ(edit("echo ", "h\xc3\xa9llo \xe2\x9c\x93\r"), "echo h\xc3\xa9llo \xe2\x9c\x93");
}

TEST(LineEditor, MovesOverAMultibyteCharacterAsOneUnit)
{
  // "é" is two bytes; one Left must step over both.
  EXPECT_EQ(edit("caf\xc3\xa9", std::string(k_left) + "X\r"), "cafX\xc3\xa9");
}

TEST(LineEditor, BackspaceDeletesAWholeMultibyteCharacter)
{
  EXPECT_EQ(edit("ok \xe2\x9c\x93", "\x7f\r"), "ok ");
}

TEST(LineEditor, DeleteRemovesAWholeMultibyteCharacter)
{
  EXPECT_EQ(edit("a\xf0\x9f\x98\x80z", repeat(k_left, 2) + "\x1b[3~\r"), "az");
}

TEST(LineEditor, IgnoresUnknownKeys)
{
  EXPECT_EQ(edit("ls", "\x1b[A\x1b[B\x1b[15~\t\x0c\r"), "ls");
}

TEST(LineEditor, EditsACommandLongerThanTheTerminal)
{
  const std::string long_command = "find . -type f -name '*.log' " + std::string(150, 'a');
  EXPECT_EQ(edit(long_command, "\x01X\x05Y\r"), "X" + long_command + "Y");
}

TEST(LineEditor, NeverDrawsPastTheTerminalWidth)
{
  PtyPair pty(40);
  const std::string long_command = std::string(60, 'a') + std::string(60, 'b');
  EXPECT_EQ(edit(pty, long_command, "\x01Z" + repeat(k_right, 70) + "\x05\r"), "Z" + long_command);
  pty.drain();
  // Every redraw starts with "\r"; what follows on that row, minus escape
  // sequences, must fit in the 40 columns.
  std::size_t widest = 0;
  std::size_t row = 0;
  const std::string& seen = pty.seen();
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i] == '\r' || seen[i] == '\n') {
      row = 0;
    } else if (seen[i] == '\x1b') {
      while (i < seen.size() && !(seen[i] >= 0x40 && seen[i] <= 0x7e && seen[i] != '[')) {
        ++i;
      }
    } else {
      widest = std::max(widest, ++row);
    }
  }
  EXPECT_LT(widest, 40u);
  EXPECT_NE(seen.find("Zaaa"), std::string::npos); // the start was shown after Home
  EXPECT_NE(seen.find("bbb"), std::string::npos);  // and the end after End
}

} // namespace
} // namespace caro::cli
