#pragma once

// Classifying a path argument by how much a destructive command aimed at it
// would destroy: the filesystem root, a home directory, a system directory, a
// block device, "everything here", or something that depends on an unknown
// variable. Works on the lexed word, so quoting and expansions are known.

#include "caro/safety/lexer.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace caro::safety {

enum class TargetClass {
  plain,        // an ordinary path (build/, notes.txt, ~/projects/x)
  system_path,  // something inside a system directory (/etc/ssh/sshd_config)
  all_files,    // ., .., *, ./*: everything in the working directory or above it
  unknown,      // decided by an unknown variable or command substitution
  block_device, // /dev/sda, /dev/nvme0n1, /dev/disk2...
  system_dir,   // /etc, /usr, /usr/bin, /var/log...
  home,         // ~, $HOME, /home/alice, /root
  root,         // /, /*, //, /.
};

// How bad it is to overwrite a file.
enum class FileSensitivity {
  none,
  configuration,  // /etc/hosts, crontabs, /etc/fstab...
  authentication, // /etc/passwd, /etc/shadow, /etc/sudoers...
};

// Classifies the path held by `word`, starting at byte `from` of its text
// (3 for "of=/dev/sda"). $HOME and ~ count as a home directory; any other
// expansion counts as both empty and a path component, and the worse reading
// wins; a path decided by the expansion alone is `unknown`.
TargetClass classify_target(const Word& word, std::size_t from = 0);

// Whether the path is, or with some value of its variables may be, a block
// device: /dev/sda, /dev/$DISK. (classify_target ranks /dev/$DISK by its
// worse reading, /dev itself, a system directory.)
bool may_be_block_device(const Word& word, std::size_t from = 0);

// The path with ~ and $HOME replaced by /home/<user> and other expansions
// dropped, then lexically normalised; for matching known file names.
std::string resolved_path(const Word& word, std::size_t from = 0);

FileSensitivity file_sensitivity(const Word& word, std::size_t from = 0);

// Lexical normalisation: collapses //, removes . and resolves .. (an absolute
// path never climbs above /). "" stays "".
std::string normalise_path(std::string_view path);

// More severe classes compare greater.
TargetClass worse(TargetClass a, TargetClass b);

// root, home or system_dir: where a recursive change is catastrophic.
bool is_protected(TargetClass target);

std::string_view describe(TargetClass target);

} // namespace caro::safety
