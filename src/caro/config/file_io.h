#pragma once

// Internal to the config module: reading the config file (telling "missing"
// apart from "unreadable") and replacing it atomically.

#include "caro/util/expected.h"

#include <optional>
#include <string>

namespace caro::config::detail {

// The file's contents; nullopt when it does not exist. Any other failure
// (permissions, a directory in its place) is an Error naming the path.
Expected<std::optional<std::string>> read_text_file(const std::string& path);

// Replaces `path` with `contents` so that readers see the old or the new file,
// never a partial one: a temp file in the same directory, fsync, rename, fsync
// of the directory. Creates missing directories (mode 0700). A symlink at
// `path` is followed, so the file it points to is the one replaced; an
// existing file keeps its permissions, a new one gets 0600.
Expected<void> write_file_atomically(const std::string& path, const std::string& contents);

} // namespace caro::config::detail
