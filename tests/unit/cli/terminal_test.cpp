// Terminal styling and raw mode.

#include "caro/cli/terminal.h"

#include <gtest/gtest.h>

#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <string>

namespace caro::cli {
namespace {

TEST(PaintRisk, ReturnsTheTextUnchangedWhenDisabled)
{
  for (const Risk risk : {Risk::safe, Risk::moderate, Risk::high, Risk::critical}) {
    EXPECT_EQ(paint_risk("rm -rf x", risk, false), "rm -rf x");
  }
}

TEST(PaintRisk, ColoursEachLevel)
{
  EXPECT_EQ(paint_risk("safe", Risk::safe, true), "\x1b[32msafe\x1b[0m");
  EXPECT_EQ(paint_risk("moderate", Risk::moderate, true), "\x1b[33mmoderate\x1b[0m");
  EXPECT_EQ(paint_risk("high", Risk::high, true), "\x1b[31mhigh\x1b[0m");
  EXPECT_EQ(paint_risk("critical", Risk::critical, true), "\x1b[1;31mcritical\x1b[0m");
}

TEST(PaintDimAndBold, AddCodesOnlyWhenEnabled)
{
  EXPECT_EQ(paint_dim("note", false), "note");
  EXPECT_EQ(paint_bold("title", false), "title");
  EXPECT_EQ(paint_dim("note", true), "\x1b[2mnote\x1b[0m");
  EXPECT_EQ(paint_bold("title", true), "\x1b[1mtitle\x1b[0m");
}

class Pty : public ::testing::Test
{
protected:
  void SetUp() override { ASSERT_EQ(::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr), 0); }
  void TearDown() override
  {
    ::close(m_master);
    ::close(m_slave);
  }
  int m_master = -1;
  int m_slave = -1;
};

TEST_F(Pty, IsTerminalTellsAPtyFromAPipe)
{
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  EXPECT_TRUE(is_terminal(m_slave));
  EXPECT_FALSE(is_terminal(fds[0]));
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_F(Pty, RawModeTurnsOffLineBufferingEchoAndSignalKeys)
{
  const RawMode raw(m_slave);
  ASSERT_TRUE(raw.active());
  termios now{};
  ASSERT_EQ(::tcgetattr(m_slave, &now), 0);
  EXPECT_EQ(now.c_lflag & (ICANON | ECHO | ISIG), 0u);
  EXPECT_EQ(now.c_iflag & ICRNL, 0u);
  EXPECT_EQ(now.c_cc[VMIN], 1);
}

TEST_F(Pty, RawModeRestoresTheSettingsItFound)
{
  termios before{};
  ASSERT_EQ(::tcgetattr(m_slave, &before), 0);
  {
    const RawMode raw(m_slave);
    ASSERT_TRUE(raw.active());
  }
  termios after{};
  ASSERT_EQ(::tcgetattr(m_slave, &after), 0);
  EXPECT_EQ(after.c_lflag, before.c_lflag);
  EXPECT_EQ(after.c_iflag, before.c_iflag);
  EXPECT_EQ(after.c_oflag, before.c_oflag);
  EXPECT_EQ(after.c_cc[VMIN], before.c_cc[VMIN]);
}

TEST(RawMode, IsInactiveOnANonTerminal)
{
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  {
    const RawMode raw(fds[0]);
    EXPECT_FALSE(raw.active());
  }
  ::close(fds[0]);
  ::close(fds[1]);
}

} // namespace
} // namespace caro::cli
