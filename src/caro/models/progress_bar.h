#pragma once

// The download progress bar. It is drawn on stderr, and only when stderr is a
// terminal (the caller decides): in a pipe or a log it would be noise made of
// carriage returns. The line format is a pure function so it can be tested.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace caro::models {

// "1.5 GB", "145 MB", "12.3 kB", "512 B" (decimal units, as download sizes are quoted).
std::string format_bytes(uint64_t bytes);

// One progress line, at most `width` columns:
// "smollm-135m  [#########.........]  45%  65 MB / 145 MB  12.1 MB/s"
// `total` 0 means unknown (no bar, no percentage).
std::string format_progress_line(std::string_view label, uint64_t done, uint64_t total, double bytes_per_second,
                                 std::size_t width);

class TerminalProgressBar
{
public:
  explicit TerminalProgressBar(std::string label);
  ~TerminalProgressBar();
  TerminalProgressBar(const TerminalProgressBar&) = delete;
  TerminalProgressBar& operator=(const TerminalProgressBar&) = delete;

  // Redraws at most ten times a second, and always when done == total.
  void update(uint64_t done, uint64_t total);
  // Clears the line.
  void finish();

private:
  std::string m_label;
  std::chrono::steady_clock::time_point m_started;
  std::chrono::steady_clock::time_point m_last_draw;
  uint64_t m_first_done = 0;
  bool m_started_counting = false;
  bool m_drawn = false;
};

} // namespace caro::models
