#pragma once

// A pseudo-terminal for driving the menu and the line editor in-process: the
// function under test runs on a thread with the slave side as its terminal,
// and the test types on the master side and reads what was drawn.

#include "support/patience.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <string>
#include <string_view>

namespace caro::cli::testing {

class PtyPair
{
public:
  explicit PtyPair(unsigned short columns = 80)
  {
    winsize size{};
    size.ws_row = 24;
    size.ws_col = columns;
    if (::openpty(&m_master, &m_slave, nullptr, nullptr, &size) != 0) {
      throw std::runtime_error("openpty failed");
    }
  }
  ~PtyPair()
  {
    close_master();
    ::close(m_slave);
  }
  PtyPair(const PtyPair&) = delete;
  PtyPair& operator=(const PtyPair&) = delete;

  int slave() const { return m_slave; }

  void type(std::string_view keys)
  {
    while (!keys.empty()) {
      const ssize_t written = ::write(m_master, keys.data(), keys.size());
      if (written <= 0) {
        throw std::runtime_error("cannot write to the pty");
      }
      keys.remove_prefix(static_cast<std::size_t>(written));
    }
  }

  // Reads the terminal's output until `text` has appeared since the last
  // match; false if it does not within a generous hang guard.
  bool wait_for(std::string_view text)
  {
    const auto deadline = std::chrono::steady_clock::now() + caro::testing::k_patience;
    while (true) {
      const auto found = m_seen.find(text, m_matched_up_to);
      if (found != std::string::npos) {
        m_matched_up_to = found + text.size();
        return true;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        return false;
      }
      read_some(100);
    }
  }

  // True once the slave has input queued for reading.
  bool slave_readable()
  {
    pollfd ready{m_slave, POLLIN, 0};
    return ::poll(&ready, 1, 10000) == 1;
  }

  // Hanging up the master makes reads on the slave fail: the "terminal went away" case.
  void close_master()
  {
    if (m_master >= 0) {
      ::close(m_master);
      m_master = -1;
    }
  }

  // Everything read from the terminal so far.
  const std::string& seen() const { return m_seen; }

  // Drains output that is already there.
  void drain()
  {
    while (read_some(50)) {
    }
  }

private:
  bool read_some(int timeout_ms)
  {
    if (m_master < 0) {
      return false;
    }
    pollfd ready{m_master, POLLIN, 0};
    if (::poll(&ready, 1, timeout_ms) != 1) {
      return false;
    }
    char buffer[4096];
    const ssize_t got = ::read(m_master, buffer, sizeof(buffer));
    if (got <= 0) {
      return false;
    }
    m_seen.append(buffer, static_cast<std::size_t>(got));
    return true;
  }

  int m_master = -1;
  int m_slave = -1;
  std::string m_seen;
  std::size_t m_matched_up_to = 0;
};

// Waits for an asynchronous result with a hang guard; on a hang, closes the
// master so the function under test sees its terminal vanish and returns.
template<typename T> T get_result(std::future<T>& future, PtyPair& pty)
{
  if (future.wait_for(caro::testing::k_patience) != std::future_status::ready) {
    ADD_FAILURE() << "the function under test did not return";
    pty.close_master();
  }
  return future.get();
}

} // namespace caro::cli::testing
