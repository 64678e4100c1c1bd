#include "caro/util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace caro::util {
namespace {

// Owns a pipe's two ends and closes whatever is still open.
struct Pipe
{
  int read_end = -1;
  int write_end = -1;
  Pipe() = default;
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe()
  {
    close_read();
    close_write();
  }
  bool open()
  {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      return false;
    }
    read_end = fds[0];
    write_end = fds[1];
    return true;
  }
  void close_read()
  {
    if (read_end >= 0) {
      ::close(read_end);
      read_end = -1;
    }
  }
  void close_write()
  {
    if (write_end >= 0) {
      ::close(write_end);
      write_end = -1;
    }
  }
};

std::vector<char*> as_argv(std::vector<std::string>& strings)
{
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) {
    pointers.push_back(s.data());
  }
  pointers.push_back(nullptr);
  return pointers;
}

// Blocks SIGPIPE in the calling thread and, when destroyed, discards any
// SIGPIPE raised meanwhile and restores the thread's previous mask.
class SigpipeBlock
{
public:
  SigpipeBlock()
  {
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_only, &m_previous);
    m_was_blocked = sigismember(&m_previous, SIGPIPE) == 1;
  }
  ~SigpipeBlock()
  {
    if (m_was_blocked) {
      return;
    }
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    const timespec no_wait{0, 0};
    while (::sigtimedwait(&pipe_only, nullptr, &no_wait) == SIGPIPE) {
    }
    ::pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
  sigset_t m_previous{};
  bool m_was_blocked = false;
};

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

} // namespace

Expected<ProcessOutput> capture(const std::vector<std::string>& argv, const CaptureOptions& options)
{
  if (argv.empty()) {
    return unexpected("internal error: capture() called with an empty argv");
  }
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    return unexpected(std::string("cannot create a pipe: ") + std::strerror(errno));
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read_end, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write_end, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end, STDERR_FILENO);
  if (!options.working_directory.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
  }

  std::vector<std::string> args = argv;
  auto arg_pointers = as_argv(args);
  std::vector<std::string> env_strings = options.environment.value_or(std::vector<std::string>{});
  auto env_pointers = as_argv(env_strings);
  char** envp = options.environment ? env_pointers.data() : environ;

  pid_t pid = -1;
  const int spawn_error = ::posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, arg_pointers.data(), envp);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    return unexpected("cannot run " + argv[0] + ": " + std::strerror(spawn_error));
  }
  in.close_read();
  out.close_write();
  err.close_write();

  ProcessOutput result;
  std::size_t stdin_written = 0;
  if (options.stdin_text.empty()) {
    in.close_write();
  } else {
    ::fcntl(in.write_end, F_SETFL, O_NONBLOCK);
  }
  // A child that closes stdin early must not kill us with SIGPIPE. Blocking
  // it in this thread only (after the spawn, so the child's mask is
  // untouched) keeps concurrent callers from undoing each other's setting.
  const SigpipeBlock sigpipe_block;

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::array<char, 65536> buffer{};
  while (out.read_end >= 0 || err.read_end >= 0) {
    std::array<pollfd, 3> fds{};
    nfds_t count = 0;
    auto add = [&](int fd, short events) {
      if (fd >= 0) {
        fds[count++] = pollfd{fd, events, 0};
      }
    };
    add(out.read_end, POLLIN);
    add(err.read_end, POLLIN);
    add(in.write_end, POLLOUT);
    const auto remaining =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (remaining <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    const int ready = ::poll(fds.data(), count, static_cast<int>(remaining));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) {
        continue;
      }
      if (fds[i].fd == in.write_end) {
        const auto n =
            ::write(in.write_end, options.stdin_text.data() + stdin_written, options.stdin_text.size() - stdin_written);
        if (n > 0) {
          stdin_written += static_cast<std::size_t>(n);
        }
        if (n < 0 || stdin_written == options.stdin_text.size()) {
          in.close_write();
        }
        continue;
      }
      const bool is_out = fds[i].fd == out.read_end;
      const auto n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n <= 0) {
        if (n < 0 && errno == EINTR) {
          continue;
        }
        (is_out ? out : err).close_read();
        continue;
      }
      std::string& sink = is_out ? result.out : result.err;
      const auto keep =
          std::min(static_cast<std::size_t>(n), options.max_output - std::min(options.max_output, sink.size()));
      sink.append(buffer.data(), keep);
    }
  }
  in.close_write();

  int status = 0;
  struct rusage usage
  {
  };
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.exit_status = decode_status(status);
  result.peak_rss_kb = usage.ru_maxrss;
  return result;
}

} // namespace caro::util
