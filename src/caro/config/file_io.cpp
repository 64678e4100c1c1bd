// Reading and atomically replacing the config file with plain POSIX calls:
// std::ifstream/ofstream can tell neither ENOENT from EACCES nor fsync, and
// both matter here (a missing default file is fine, a lost edit is not).

#include "caro/config/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace caro::config::detail {
namespace {

class UniqueFd
{
public:
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return m_fd; }
  bool valid() const { return m_fd >= 0; }
  // Closes now and reports the result, since close() can report a failed write.
  int close_checked()
  {
    const int result = m_fd >= 0 ? ::close(m_fd) : 0;
    m_fd = -1;
    return result;
  }

private:
  void reset()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }
  int m_fd;
};

// Removes the temp file unless the rename succeeded.
class TempFileGuard
{
public:
  explicit TempFileGuard(std::string path) : m_path(std::move(path)) {}
  ~TempFileGuard()
  {
    if (!m_path.empty()) {
      ::unlink(m_path.c_str());
    }
  }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
  void release() { m_path.clear(); }

private:
  std::string m_path;
};

std::string errno_text(int error)
{
  return std::strerror(error);
}

Unexpected failure(std::string_view what, const std::string& path, int error)
{
  return unexpected(std::string(what) + " " + path + ": " + errno_text(error));
}

Expected<void> make_directories(const std::filesystem::path& directory)
{
  if (directory.empty()) {
    return {};
  }
  struct stat info
  {
  };
  if (::stat(directory.c_str(), &info) == 0) {
    if (!S_ISDIR(info.st_mode)) {
      return unexpected("cannot create " + directory.string() + ": a file is in the way");
    }
    return {};
  }
  if (directory.has_parent_path() && directory.parent_path() != directory) {
    auto parent = make_directories(directory.parent_path());
    if (!parent) {
      return parent;
    }
  }
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) {
    return failure("cannot create directory", directory.string(), errno);
  }
  return {};
}

Expected<void> write_all(int fd, const std::string& contents, const std::string& path)
{
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return failure("cannot write", path, errno);
    }
    written += static_cast<std::size_t>(n);
  }
  return {};
}

} // namespace

Expected<std::optional<std::string>> read_text_file(const std::string& path)
{
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) {
    if (errno == ENOENT || errno == ENOTDIR) {
      return std::optional<std::string>();
    }
    return failure("cannot read", path, errno);
  }
  struct stat info
  {
  };
  if (::fstat(fd.get(), &info) != 0) {
    return failure("cannot read", path, errno);
  }
  if (S_ISDIR(info.st_mode)) {
    return unexpected("cannot read " + path + ": it is a directory");
  }
  std::string contents;
  std::vector<char> buffer(16384);
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return failure("cannot read", path, errno);
    }
    if (n == 0) {
      break;
    }
    contents.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return std::optional<std::string>(std::move(contents));
}

Expected<void> write_file_atomically(const std::string& path, const std::string& contents)
{
  std::filesystem::path target(path);
  std::error_code error;
  if (std::filesystem::is_symlink(target, error)) {
    // Replace the file the link points to (dotfile managers link config files).
    const auto resolved = std::filesystem::weakly_canonical(target, error);
    if (error) {
      return unexpected("cannot follow the link " + path + ": " + error.message());
    }
    target = resolved;
  }
  const auto directory = target.parent_path();
  if (auto made = make_directories(directory); !made) {
    return made;
  }

  mode_t mode = 0600;
  struct stat existing
  {
  };
  if (::stat(target.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  }

  std::string temp_name =
      (directory.empty() ? std::string() : directory.string() + "/") + "." + target.filename().string() + ".tmp-XXXXXX";
  UniqueFd fd(::mkstemp(temp_name.data()));
  if (!fd.valid()) {
    return failure("cannot create a temporary file next to", target.string(), errno);
  }
  TempFileGuard guard(temp_name);
  if (::fchmod(fd.get(), mode) != 0) {
    return failure("cannot set permissions on", temp_name, errno);
  }
  if (auto written = write_all(fd.get(), contents, temp_name); !written) {
    return written;
  }
  if (::fsync(fd.get()) != 0) {
    return failure("cannot flush", temp_name, errno);
  }
  if (fd.close_checked() != 0) {
    return failure("cannot write", temp_name, errno);
  }
  if (::rename(temp_name.c_str(), target.c_str()) != 0) {
    return failure("cannot replace", target.string(), errno);
  }
  guard.release();

  // Make the rename itself durable; failing here loses nothing, so it is not an error.
  UniqueFd directory_fd(::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory_fd.valid()) {
    ::fsync(directory_fd.get());
  }
  return {};
}

} // namespace caro::config::detail
