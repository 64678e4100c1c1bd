// The list of common utilities whose presence detection records. Kept in one
// place so that backends and `caro doctor` agree on what "installed" covers.

#include "caro/context/detect.h"

namespace caro::context {

const std::vector<std::string>& known_utilities()
{
  static const std::vector<std::string> k_utilities{
      "find",  "grep",    "rg",      "fd",        "ag",         "sed",     "awk",     "gawk",      "sort",     "uniq",
      "wc",    "head",    "tail",    "cut",       "tr",         "xargs",   "tar",     "gzip",      "bzip2",    "xz",
      "zip",   "unzip",   "7z",      "du",        "df",         "ps",      "top",     "htop",      "free",     "lsof",
      "ss",    "netstat", "ip",      "ifconfig",  "ping",       "curl",    "wget",    "dig",       "nslookup", "host",
      "git",   "docker",  "kubectl", "systemctl", "journalctl", "apt",     "dnf",     "yum",       "brew",     "pacman",
      "apk",   "jq",      "stat",    "date",      "file",       "tree",    "less",    "make",      "python3",  "perl",
      "ruby",  "node",    "ssh",     "rsync",     "scp",        "nc",      "openssl", "sha256sum", "md5sum",   "shasum",
      "chmod", "chown",   "ln",      "readlink",  "realpath",   "timeout", "watch"};
  return k_utilities;
}

} // namespace caro::context
