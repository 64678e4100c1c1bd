// flock-based lock files (see file_lock.h). Waiting polls with LOCK_NB
// rather than blocking in flock, so the wait is bounded.

#include "caro/models/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace caro::models {
namespace {

constexpr std::chrono::milliseconds k_poll_interval{50};

// True when `fd` is still the file at `path` (nobody deleted or replaced it
// between our open and our lock).
bool still_linked(int fd, const std::string& path)
{
  struct stat by_fd
  {
  };
  struct stat by_path
  {
  };
  return ::fstat(fd, &by_fd) == 0 && ::stat(path.c_str(), &by_path) == 0 && by_fd.st_dev == by_path.st_dev &&
         by_fd.st_ino == by_path.st_ino;
}

} // namespace

FileLock::~FileLock()
{
  release();
}

FileLock::FileLock(FileLock&& other) noexcept : m_fd(other.m_fd), m_path(std::move(other.m_path))
{
  other.m_fd = -1;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept
{
  if (this != &other) {
    release();
    m_fd = other.m_fd;
    m_path = std::move(other.m_path);
    other.m_fd = -1;
  }
  return *this;
}

void FileLock::release()
{
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
  }
}

Expected<FileLock> lock_file(const std::string& path, std::chrono::milliseconds wait,
                             const std::function<void()>& on_wait)
{
  const auto deadline = std::chrono::steady_clock::now() + wait;
  bool told = false;
  for (;;) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      return unexpected("cannot open the lock file " + path + ": " + std::strerror(errno),
                        "check that the models directory is writable");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      if (still_linked(fd, path)) {
        return FileLock(fd, path);
      }
      ::close(fd); // its holder deleted it: lock the new file instead
      continue;
    }
    const int error = errno;
    ::close(fd);
    if (error != EWOULDBLOCK && error != EINTR) {
      return unexpected("cannot lock " + path + ": " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return FileLock();
    }
    if (!told && on_wait) {
      on_wait();
      told = true;
    }
    std::this_thread::sleep_for(k_poll_interval);
  }
}

} // namespace caro::models
