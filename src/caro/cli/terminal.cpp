// Terminal facts and styling: whether an fd is a terminal, ANSI SGR colours
// for risk levels, and an RAII raw mode for the interactive menu and editor.
//
// Raw mode here turns off line buffering, echo and signal keys (so Ctrl-C
// arrives as the byte 0x03 and the menu can treat it as "no"), but keeps
// output processing on, so "\n" still moves to the start of the next line.

#include "caro/cli/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace caro::cli {
namespace {

constexpr std::string_view k_reset = "\x1b[0m";

std::string wrap(std::string_view text, std::string_view sgr, bool enabled)
{
  if (!enabled) {
    return std::string(text);
  }
  std::string painted;
  painted.reserve(text.size() + sgr.size() + k_reset.size());
  painted += sgr;
  painted += text;
  painted += k_reset;
  return painted;
}

std::string_view risk_sgr(Risk risk)
{
  switch (risk) {
  case Risk::safe:
    return "\x1b[32m";
  case Risk::moderate:
    return "\x1b[33m";
  case Risk::high:
    return "\x1b[31m";
  case Risk::critical:
    return "\x1b[1;31m";
  }
  return "\x1b[0m";
}

} // namespace

bool is_terminal(int fd)
{
  return ::isatty(fd) == 1;
}

std::string paint_risk(std::string_view text, Risk risk, bool enabled)
{
  return wrap(text, risk_sgr(risk), enabled);
}

std::string paint_dim(std::string_view text, bool enabled)
{
  return wrap(text, "\x1b[2m", enabled);
}

std::string paint_bold(std::string_view text, bool enabled)
{
  return wrap(text, "\x1b[1m", enabled);
}

RawMode::RawMode(int fd) : m_fd(fd)
{
  static_assert(sizeof(termios) <= sizeof(m_saved), "RawMode::m_saved is too small for struct termios");
  termios saved{};
  if (::tcgetattr(m_fd, &saved) != 0) {
    return; // not a terminal: nothing to change or restore
  }
  std::memcpy(m_saved, &saved, sizeof(saved));

  termios raw = saved;
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL | INLCR | IGNCR | BRKINT | ISTRIP);
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  while (::tcsetattr(m_fd, TCSANOW, &raw) != 0) {
    if (errno != EINTR) {
      return;
    }
  }
  m_active = true;
}

RawMode::~RawMode()
{
  if (!m_active) {
    return;
  }
  termios saved{};
  std::memcpy(&saved, m_saved, sizeof(saved));
  // TCSADRAIN: let what we printed reach the terminal before switching back.
  while (::tcsetattr(m_fd, TCSADRAIN, &saved) != 0 && errno == EINTR) {
  }
}

} // namespace caro::cli
