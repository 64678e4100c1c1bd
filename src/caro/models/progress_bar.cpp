// Download progress line formatting and drawing (see progress_bar.h).

#include "caro/models/progress_bar.h"

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace caro::models {
namespace {

std::size_t terminal_width()
{
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

} // namespace

std::string format_bytes(uint64_t bytes)
{
  const double value = static_cast<double>(bytes);
  if (bytes >= 1'000'000'000) {
    return fmt::format("{:.1f} GB", value / 1e9);
  }
  if (bytes >= 10'000'000) {
    return fmt::format("{:.0f} MB", value / 1e6);
  }
  if (bytes >= 1'000'000) {
    return fmt::format("{:.1f} MB", value / 1e6);
  }
  if (bytes >= 1'000) {
    return fmt::format("{:.1f} kB", value / 1e3);
  }
  return fmt::format("{} B", bytes);
}

std::string format_progress_line(std::string_view label, uint64_t done, uint64_t total, double bytes_per_second,
                                 std::size_t width)
{
  std::string sizes = total > 0 ? format_bytes(done) + " / " + format_bytes(total) : format_bytes(done);
  std::string rate = bytes_per_second > 0 ? "  " + format_bytes(static_cast<uint64_t>(bytes_per_second)) + "/s" : "";
  std::string percent;
  if (total > 0) {
    const uint64_t capped = std::min(done, total);
    percent = fmt::format("{:3}%  ", capped * 100 / total);
  }
  const std::string tail = percent + sizes + rate;
  std::string line(label);
  line.append("  ");
  // The bar takes what is left, between 10 and 40 columns; no bar if it does not fit.
  const std::size_t fixed = line.size() + tail.size() + 4;
  if (total > 0 && width > fixed + 10) {
    const std::size_t bar = std::min<std::size_t>(40, width - fixed);
    const auto filled = static_cast<std::size_t>(static_cast<double>(bar) * static_cast<double>(std::min(done, total)) /
                                                 static_cast<double>(total));
    line.push_back('[');
    line.append(filled, '#');
    line.append(bar - filled, '.');
    line.append("]  ");
  }
  line += tail;
  if (line.size() > width) {
    line.resize(width);
  }
  return line;
}

TerminalProgressBar::TerminalProgressBar(std::string label)
    : m_label(std::move(label)), m_started(std::chrono::steady_clock::now())
{
}

TerminalProgressBar::~TerminalProgressBar()
{
  finish();
}

void TerminalProgressBar::update(uint64_t done, uint64_t total)
{
  const auto now = std::chrono::steady_clock::now();
  if (!m_started_counting) {
    // A resumed download starts at the .part size; the rate counts only this run's bytes.
    m_first_done = done;
    m_started = now;
    m_started_counting = true;
  }
  if (m_drawn && now - m_last_draw < std::chrono::milliseconds(100) && done != total) {
    return;
  }
  const double seconds = std::chrono::duration<double>(now - m_started).count();
  const double rate = seconds > 0.5 ? static_cast<double>(done - m_first_done) / seconds : 0.0;
  const std::size_t width = terminal_width();
  const std::string line = format_progress_line(m_label, done, total, rate, width > 1 ? width - 1 : width);
  std::fputs(("\r" + line + "\x1b[K").c_str(), stderr);
  std::fflush(stderr);
  m_last_draw = now;
  m_drawn = true;
}

void TerminalProgressBar::finish()
{
  if (m_drawn) {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    m_drawn = false;
  }
}

} // namespace caro::models
