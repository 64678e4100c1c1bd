#pragma once

// Free space on the file system that will hold a download, checked before a
// pull starts so a full disk is reported up front, not as a write error after
// half a gigabyte. Injectable so tests can simulate a full disk.

#include "caro/util/expected.h"

#include <cstdint>
#include <functional>
#include <string>

namespace caro::models {

// Bytes an unprivileged process may still write under `directory`.
using FreeSpaceFunction = std::function<Expected<uint64_t>(const std::string& directory)>;

// statvfs: f_bavail * f_frsize.
Expected<uint64_t> free_space(const std::string& directory);

} // namespace caro::models
