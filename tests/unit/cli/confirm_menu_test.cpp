// The "Run it?" menu, driven through a real pseudo-terminal: one key decides,
// anything doubtful declines, and keys typed before the prompt do not count.

#include "caro/cli/confirm_menu.h"
#include "pty_pair.h"

#include <gtest/gtest.h>

#include <termios.h>
#include <unistd.h>

#include <future>
#include <string>

namespace caro::cli {
namespace {

using testing::get_result;
using testing::PtyPair;

constexpr std::string_view k_prompt = "Run it? [y]es / [N]o / [e]dit / e[x]plain ";

// Starts the menu on the pty, waits for its prompt, types `keys`, and
// returns the choice.
MenuChoice answer_with(PtyPair& pty, std::string_view keys)
{
  auto choice = std::async(std::launch::async, [&pty] { return ask_run_confirmation(pty.slave(), pty.slave()); });
  EXPECT_TRUE(pty.wait_for(k_prompt));
  pty.type(keys);
  return get_result(choice, pty);
}

struct KeyCase
{
  const char* name;
  std::string keys;
  MenuChoice expected;
  const char* echoed;
};

class MenuKey : public ::testing::TestWithParam<KeyCase>
{
};

TEST_P(MenuKey, MapsTheKeyToItsChoiceAndEchoesTheAnswer)
{
  PtyPair pty;
  EXPECT_EQ(answer_with(pty, GetParam().keys), GetParam().expected);
  EXPECT_TRUE(pty.wait_for(std::string(GetParam().echoed) + "\r\n"));
}

INSTANTIATE_TEST_SUITE_P(
    ConfirmMenu, MenuKey,
    ::testing::Values(KeyCase{"y", "y", MenuChoice::run, "yes"}, KeyCase{"Y", "Y", MenuChoice::run, "yes"},
                      KeyCase{"n", "n", MenuChoice::decline, "no"}, KeyCase{"N", "N", MenuChoice::decline, "no"},
                      KeyCase{"q", "q", MenuChoice::decline, "no"}, KeyCase{"Enter", "\r", MenuChoice::decline, "no"},
                      KeyCase{"LineFeed", "\n", MenuChoice::decline, "no"},
                      KeyCase{"Esc", "\x1b", MenuChoice::decline, "no"},
                      KeyCase{"CtrlC", "\x03", MenuChoice::decline, "no"},
                      KeyCase{"CtrlD", "\x04", MenuChoice::decline, "no"}, KeyCase{"e", "e", MenuChoice::edit, "edit"},
                      KeyCase{"E", "E", MenuChoice::edit, "edit"}, KeyCase{"x", "x", MenuChoice::explain, "explain"},
                      KeyCase{"X", "X", MenuChoice::explain, "explain"}),
    [](const ::testing::TestParamInfo<KeyCase>& case_info) { return std::string(case_info.param.name); });

TEST(ConfirmMenu, IgnoresOtherKeysAndKeepsWaiting)
{
  PtyPair pty;
  // 'z', a digit, an arrow key and a UTF-8 letter are not answers; 'y' is.
  EXPECT_EQ(answer_with(pty, "z7\x1b[A\xc3\xa9y"), MenuChoice::run);
}

TEST(ConfirmMenu, AnArrowKeyIsNotMistakenForEsc)
{
  PtyPair pty;
  EXPECT_EQ(answer_with(pty, "\x1b[Dx"), MenuChoice::explain);
}

TEST(ConfirmMenu, DiscardsKeysTypedBeforeThePrompt)
{
  PtyPair pty;
  // "y" then Enter reach the slave's input queue before the menu starts; if
  // the menu did not discard them, the 'y' would run the command.
  pty.type("y\r");
  ASSERT_TRUE(pty.slave_readable());
  EXPECT_EQ(answer_with(pty, "\r"), MenuChoice::decline);
}

TEST(ConfirmMenu, DiscardsARawModeKeyTypedBeforeThePrompt)
{
  PtyPair pty;
  termios raw{};
  ASSERT_EQ(::tcgetattr(pty.slave(), &raw), 0);
  const termios original = raw;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
  ASSERT_EQ(::tcsetattr(pty.slave(), TCSANOW, &raw), 0);
  pty.type("y");
  ASSERT_TRUE(pty.slave_readable());
  EXPECT_EQ(answer_with(pty, "n"), MenuChoice::decline);
  // The menu restored the mode it found.
  termios after{};
  ASSERT_EQ(::tcgetattr(pty.slave(), &after), 0);
  EXPECT_EQ(after.c_lflag & ICANON, 0u);
  ::tcsetattr(pty.slave(), TCSANOW, &original);
}

TEST(ConfirmMenu, RestoresTheTerminalModeAfterAnswering)
{
  PtyPair pty;
  termios before{};
  ASSERT_EQ(::tcgetattr(pty.slave(), &before), 0);
  ASSERT_NE(before.c_lflag & ICANON, 0u);
  EXPECT_EQ(answer_with(pty, "y"), MenuChoice::run);
  termios after{};
  ASSERT_EQ(::tcgetattr(pty.slave(), &after), 0);
  EXPECT_EQ(after.c_lflag, before.c_lflag);
  EXPECT_EQ(after.c_iflag, before.c_iflag);
}

TEST(ConfirmMenu, DeclinesWhenTheTerminalHangsUp)
{
  PtyPair pty;
  auto choice = std::async(std::launch::async, [&pty] { return ask_run_confirmation(pty.slave(), pty.slave()); });
  ASSERT_TRUE(pty.wait_for(k_prompt));
  pty.close_master();
  EXPECT_EQ(get_result(choice, pty), MenuChoice::decline);
}

TEST(ConfirmMenu, DeclinesAtEndOfInput)
{
  int in[2];
  int out[2];
  ASSERT_EQ(::pipe(in), 0);
  ASSERT_EQ(::pipe(out), 0);
  ::close(in[1]); // nothing will ever be typed
  EXPECT_EQ(ask_run_confirmation(in[0], out[1]), MenuChoice::decline);
  ::close(out[1]);
  std::string printed(256, '\0');
  const ssize_t got = ::read(out[0], printed.data(), printed.size());
  ASSERT_GT(got, 0);
  printed.resize(static_cast<std::size_t>(got));
  EXPECT_EQ(printed, std::string(k_prompt) + "no\n");
  ::close(in[0]);
  ::close(out[0]);
}

} // namespace
} // namespace caro::cli
