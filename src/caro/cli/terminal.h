#pragma once

// Terminal facts and styling for the front end.

#include "caro/core/types.h"

#include <string>
#include <string_view>

namespace caro::cli {

bool is_terminal(int fd);

// ANSI colour for a risk level (safe green, moderate yellow, high red,
// critical bold red); returns `text` unchanged when `enabled` is false.
std::string paint_risk(std::string_view text, Risk risk, bool enabled);
std::string paint_dim(std::string_view text, bool enabled);
std::string paint_bold(std::string_view text, bool enabled);

// Puts a terminal into raw (non-canonical, no echo) mode and restores the
// previous mode when destroyed.
class RawMode
{
public:
  explicit RawMode(int fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  bool active() const { return m_active; }

private:
  int m_fd;
  bool m_active = false;
  unsigned char m_saved[128] = {}; // struct termios, kept opaque to keep <termios.h> out of the header
};

} // namespace caro::cli
