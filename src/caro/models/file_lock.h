#pragma once

// An exclusive advisory lock on a file (flock), so that two caro processes
// never download the same model at once. flock locks belong to the open file
// description, so the lock goes away when the process dies, however it dies:
// a stale lock file never blocks a later download.

#include "caro/util/expected.h"

#include <chrono>
#include <functional>
#include <string>

namespace caro::models {

class FileLock
{
public:
  FileLock() = default;
  ~FileLock();
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  bool held() const { return m_fd >= 0; }
  // Unlocks early (the destructor does it otherwise).
  void release();

  const std::string& path() const { return m_path; }

private:
  FileLock(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}
  friend Expected<FileLock> lock_file(const std::string&, std::chrono::milliseconds, const std::function<void()>&);

  int m_fd = -1;
  std::string m_path;
};

// Locks `path`, creating it when missing. When another process holds the
// lock, calls `on_wait` once and keeps trying for up to `wait` (0: one try).
// The result is not held() when the lock stayed busy; an Error means the
// lock file could not be opened at all. The lock file may be deleted by its
// holder: a lock taken on a file that was unlinked meanwhile is retried on
// the new file, so deleting it never lets two processes in.
Expected<FileLock> lock_file(const std::string& path, std::chrono::milliseconds wait,
                             const std::function<void()>& on_wait = {});

} // namespace caro::models
