// PtySession: forkpty() gives the child a fresh session whose controlling
// terminal is the pty's slave side; the test keeps the master side, where the
// child's output appears and where written bytes arrive as keystrokes.
// Everything the child needs after fork() is prepared before it, because a
// forked child of a (possibly multi-threaded) test may only make
// async-signal-safe calls.

#include "support/pty_session.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace caro::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string find_on_path(const std::string& name, const std::vector<std::string>& env)
{
  if (name.find('/') != std::string::npos) {
    return name;
  }
  std::string path;
  bool found_in_env = false;
  for (const auto& entry : env) {
    if (entry.rfind("PATH=", 0) == 0) {
      path = entry.substr(5);
      found_in_env = true;
    }
  }
  if (!found_in_env) {
    const char* inherited = std::getenv("PATH");
    path = inherited != nullptr ? inherited : "/usr/bin:/bin";
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find(':', start), path.size());
    const std::string dir = end > start ? path.substr(start, end - start) : ".";
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return name; // execve will fail and the child reports it
}

std::vector<char*> pointers_to(std::vector<std::string>& strings)
{
  std::vector<char*> pointers;
  for (auto& s : strings) {
    pointers.push_back(s.data());
  }
  pointers.push_back(nullptr);
  return pointers;
}

int decode_status(int status)
{
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return -1;
}

std::chrono::milliseconds remaining_until(Clock::time_point deadline)
{
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

} // namespace

PtySession::PtySession(std::vector<std::string> argv, std::vector<std::string> env, std::string cwd)
{
  if (argv.empty()) {
    throw std::invalid_argument("PtySession needs a program to run");
  }
  const std::string program = find_on_path(argv[0], env);
  auto arg_pointers = pointers_to(argv);
  auto env_pointers = pointers_to(env);
  const std::string exec_failed = "PtySession: cannot execute " + program + "\n";

  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  const pid_t pid = ::forkpty(&m_master, nullptr, nullptr, &size);
  if (pid < 0) {
    throw std::runtime_error(std::string("forkpty failed: ") + std::strerror(errno));
  }
  if (pid == 0) {
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
      ::_exit(127);
    }
    ::execve(program.c_str(), arg_pointers.data(), env_pointers.data());
    [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, exec_failed.data(), exec_failed.size());
    ::_exit(127);
  }
  m_pid = pid;
  // Later sessions' programs must not inherit this terminal's master side.
  ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
}

PtySession::~PtySession()
{
  if (m_pid > 0 && !m_exit_status) {
    kill_and_reap();
  }
  if (m_master >= 0) {
    ::close(m_master);
  }
}

bool PtySession::read_some(std::chrono::milliseconds timeout)
{
  if (m_output_ended) {
    return false;
  }
  pollfd ready{m_master, POLLIN, 0};
  int polled = 0;
  do {
    polled = ::poll(&ready, 1, static_cast<int>(timeout.count()));
  } while (polled < 0 && errno == EINTR);
  if (polled <= 0) {
    return true; // nothing yet
  }
  char buffer[4096];
  ssize_t got = 0;
  do {
    got = ::read(m_master, buffer, sizeof(buffer));
  } while (got < 0 && errno == EINTR);
  if (got <= 0) {
    // EIO: every slave fd is closed, i.e. the program (and its children) are done.
    m_output_ended = true;
    return false;
  }
  m_output.append(buffer, static_cast<std::size_t>(got));
  return true;
}

bool PtySession::expect(std::string_view text, std::chrono::milliseconds timeout)
{
  const auto deadline = Clock::now() + timeout;
  while (true) {
    const std::size_t found = m_output.find(text, m_matched_up_to);
    if (found != std::string::npos) {
      m_matched_up_to = found + text.size();
      return true;
    }
    const auto left = remaining_until(deadline);
    if (left.count() == 0 || !read_some(left)) {
      return false; // timed out, or the output ended without it
    }
  }
}

void PtySession::send(std::string_view keys)
{
  while (!keys.empty()) {
    const ssize_t written = ::write(m_master, keys.data(), keys.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw std::runtime_error(std::string("cannot write to the pseudo-terminal: ") + std::strerror(errno));
    }
    keys.remove_prefix(static_cast<std::size_t>(written));
  }
}

int PtySession::wait_exit(std::chrono::milliseconds timeout)
{
  if (m_exit_status) {
    return *m_exit_status;
  }
  const auto deadline = Clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t reaped = ::waitpid(m_pid, &status, WNOHANG);
    if (reaped == m_pid) {
      // Collect what the program printed just before it ended: the output
      // ends (EIO) once the kernel has delivered all of it. The bound only
      // matters when a leftover grandchild still holds the terminal open.
      const auto drain_deadline = Clock::now() + std::chrono::seconds(1);
      while (read_some(remaining_until(drain_deadline)) && Clock::now() < drain_deadline) {
      }
      m_exit_status = decode_status(status);
      return *m_exit_status;
    }
    const auto left = remaining_until(deadline);
    if (left.count() == 0) {
      kill_and_reap();
      return -1;
    }
    // Keep draining the output so the program never blocks on a full terminal.
    const auto slice = std::min(left, std::chrono::milliseconds(10));
    if (!read_some(slice)) {
      ::usleep(static_cast<useconds_t>(slice.count() * 1000));
    }
  }
}

void PtySession::kill_and_reap()
{
  ::kill(m_pid, SIGKILL);
  int status = 0;
  while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
  }
  m_exit_status = -1;
}

} // namespace caro::testing
