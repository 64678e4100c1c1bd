// statvfs-based free-space query (see free_space.h).

#include "caro/models/free_space.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>

namespace caro::models {

Expected<uint64_t> free_space(const std::string& directory)
{
  struct statvfs info
  {
  };
  if (::statvfs(directory.c_str(), &info) != 0) {
    return unexpected("cannot query free space in " + directory + ": " + std::strerror(errno));
  }
  return static_cast<uint64_t>(info.f_bavail) * static_cast<uint64_t>(info.f_frsize);
}

} // namespace caro::models
