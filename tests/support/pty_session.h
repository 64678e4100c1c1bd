#pragma once

// Driving a program through a pseudo-terminal from a test, the way a person
// at a terminal would: it sees a real tty on stdin/stdout/stderr (so caro
// shows its interactive menu), the test types keys and waits for text.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::testing {

class PtySession
{
public:
  // Starts argv[0] (a path, or a name looked up on the PATH in `env`, else
  // the test's PATH) with exactly `env` ("NAME=value" entries) on a new 80x24
  // terminal, in `cwd` when it is not empty. Throws std::runtime_error when
  // the terminal cannot be created; a program that cannot be executed exits
  // with status 127 and says why on the terminal.
  PtySession(std::vector<std::string> argv, std::vector<std::string> env, std::string cwd = {});
  ~PtySession(); // kills the program if it is still running
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Reads until `text` appears in the output after the previous match (so two
  // calls expecting the same prompt need it printed twice), or until the
  // timeout or end of output. True when found.
  bool expect(std::string_view text, std::chrono::milliseconds timeout);

  // Types `keys` ("y", "\r", "\x1b[D", "\x03"...).
  void send(std::string_view keys);

  // Everything the program printed so far (with the terminal's echo and
  // "\r\n" line endings).
  std::string output() const { return m_output; }

  // Waits for the program to end, reading its output meanwhile; returns its
  // exit code, or 128+N when killed by signal N. On timeout, kills it and
  // returns -1. Later calls return the same value.
  int wait_exit(std::chrono::milliseconds timeout);

  pid_t pid() const { return m_pid; }

private:
  // Reads what is available within `timeout`; false when output has ended.
  bool read_some(std::chrono::milliseconds timeout);
  void kill_and_reap();

  int m_master = -1;
  pid_t m_pid = -1;
  std::optional<int> m_exit_status;
  bool m_output_ended = false;
  std::string m_output;
  std::size_t m_matched_up_to = 0;
};

} // namespace caro::testing
