// Target classification by lexical path analysis only: the validator never
// touches the filesystem, so a command is rated the same wherever it is
// checked. Expansions are substituted twice (empty, and as one path
// component) and the worse reading wins, which is what makes `rm -rf "$D/"`
// dangerous while `rm -rf "build/$D"` is not.

#include "caro/safety/target.h"

#include <array>
#include <optional>
#include <vector>

namespace caro::safety {

namespace {

constexpr std::string_view k_placeholder_home = "/home/caro-user";
// What an unknown expansion reads as in the "one path component" reading: a
// byte no real path holds, so a device name decided by a variable
// (/dev/$DISK) can be told from a literal one.
constexpr char k_unknown_marker = '\x01';

// Top-level directories whose removal breaks the system. The "scratch" ones
// are protected themselves, but what is inside them is ordinary data.
constexpr std::array<std::string_view, 17> k_system_roots = {"etc",   "usr",    "bin",  "sbin", "lib",   "lib32",
                                                             "lib64", "libx32", "boot", "var",  "dev",   "proc",
                                                             "sys",   "opt",    "srv",  "snap", "System"};
constexpr std::array<std::string_view, 5> k_scratch_roots = {"tmp", "mnt", "media", "run", "Volumes"};

constexpr std::array<std::string_view, 14> k_block_device_prefixes = {
    "sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "md", "dm-", "loop", "mapper", "nbd", "sr"};
constexpr std::array<std::string_view, 14> k_harmless_devices = {"null",  "zero",   "full",   "random", "urandom",
                                                                 "stdin", "stdout", "stderr", "tty",    "ptmx",
                                                                 "fd",    "pts",    "shm",    "console"};

template<std::size_t N> bool contains(const std::array<std::string_view, N>& list, std::string_view value)
{
  for (const auto item : list) {
    if (item == value) {
      return true;
    }
  }
  return false;
}

template<std::size_t N> bool starts_with_any(const std::array<std::string_view, N>& list, std::string_view value)
{
  for (const auto item : list) {
    if (value.starts_with(item)) {
      return true;
    }
  }
  return false;
}

// A component that matches everything in its directory: *, .*, *.*, ?*.
bool glob_only(std::string_view component)
{
  bool wildcard = false;
  for (const char c : component) {
    if (c == '*' || c == '?') {
      wildcard = true;
    } else if (c != '.') {
      return false;
    }
  }
  return wildcard;
}

std::vector<std::string_view> components(std::string_view path)
{
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      slash = path.size();
    }
    if (slash > start) {
      parts.push_back(path.substr(start, slash - start));
    }
    start = slash + 1;
  }
  return parts;
}

int rank(TargetClass target)
{
  return static_cast<int>(target);
}

TargetClass classify_absolute(const std::vector<std::string_view>& all_parts)
{
  std::vector<std::string_view> parts = all_parts;
  if (parts.empty()) {
    return TargetClass::root;
  }
  // /dir/* means "everything in /dir": as bad as /dir itself.
  if (glob_only(parts.back())) {
    parts.pop_back();
    if (parts.empty()) {
      return TargetClass::root;
    }
  }
  const std::string_view top = parts.front();
  const std::size_t depth = parts.size();
  if (top == "dev" && depth >= 2) {
    if (contains(k_harmless_devices, parts[1])) {
      return TargetClass::plain;
    }
    if (starts_with_any(k_block_device_prefixes, parts[1])) {
      return TargetClass::block_device;
    }
    // /dev/$DISK, /dev/${VG}/x: the variable may name any disk.
    const std::size_t marker = parts[1].find(k_unknown_marker);
    if (marker != std::string_view::npos && !starts_with_any(k_harmless_devices, parts[1].substr(0, marker))) {
      return TargetClass::block_device;
    }
  }
  if (top == "home" || top == "Users") {
    return depth <= 2 ? TargetClass::home : TargetClass::plain;
  }
  if (top == "root") {
    return depth == 1 ? TargetClass::home : TargetClass::plain;
  }
  if (contains(k_scratch_roots, top)) {
    return depth == 1 ? TargetClass::system_dir : TargetClass::plain;
  }
  if (contains(k_system_roots, top)) {
    if (depth >= 2 && top == "var" && parts[1] == "tmp") {
      return depth == 2 ? TargetClass::system_dir : TargetClass::plain;
    }
    return depth <= 2 ? TargetClass::system_dir : TargetClass::system_path;
  }
  return TargetClass::plain;
}

TargetClass classify_path(std::string_view path)
{
  if (path.empty()) {
    return TargetClass::plain;
  }
  const std::string normal = normalise_path(path);
  const std::vector<std::string_view> parts = components(normal);
  if (normal.front() == '/') {
    return classify_absolute(parts);
  }
  for (const auto part : parts) {
    if (part != ".." && part != "." && !glob_only(part)) {
      return TargetClass::plain;
    }
  }
  return TargetClass::all_files;
}

struct Substituted
{
  std::string empty;       // unknown expansions replaced by nothing
  std::string placeholder; // unknown expansions replaced by one path component
  bool unknown = false;
  // ${NAME:-WORD}, ${NAME-WORD}, ${NAME:=WORD}, ${NAME=WORD} replaced by
  // their literal WORD, what they give when NAME is unset; otherwise as in
  // `empty`. Set only when the word has such a default.
  std::optional<std::string> defaults;
};

// The literal default of "NAME:-WORD" and its kin; nullopt for any other
// expansion, or a default that expands further.
std::optional<std::string_view> default_value(std::string_view body)
{
  std::size_t name_end = 0;
  while (name_end < body.size() && is_name_char(body[name_end])) {
    ++name_end;
  }
  if (name_end == 0 || name_end >= body.size()) {
    return std::nullopt;
  }
  std::string_view rest = body.substr(name_end);
  if (rest.starts_with(':')) {
    rest.remove_prefix(1);
  }
  if (!rest.starts_with('-') && !rest.starts_with('=')) {
    return std::nullopt;
  }
  rest.remove_prefix(1);
  if (rest.find_first_of("$`") != std::string_view::npos) {
    return std::nullopt;
  }
  return rest;
}

Substituted substitute(const Word& word, std::size_t from)
{
  Substituted out;
  const std::string& text = word.text;
  std::size_t pos = from;
  std::string defaults;
  bool has_default = false;
  auto append = [&out, &defaults](std::string_view piece) {
    out.empty.append(piece);
    out.placeholder.append(piece);
    defaults.append(piece);
  };
  for (const auto& expansion : word.expansions) {
    if (expansion.offset < pos || expansion.offset > text.size()) {
      continue;
    }
    append(std::string_view(text).substr(pos, expansion.offset - pos));
    std::size_t end = std::min(expansion.offset + expansion.length, text.size());
    if (expansion.name == "~") {
      std::size_t user_end = text.find('/', end);
      if (user_end == std::string::npos) {
        user_end = text.size();
      }
      const std::string_view user = std::string_view(text).substr(end, user_end - end);
      if (user.empty()) {
        append(k_placeholder_home);
      } else if (user == "root") {
        append("/root");
      } else {
        append("/home/");
        append(user);
      }
      end = user_end;
    } else if (expansion.name == "HOME") {
      append(k_placeholder_home);
    } else if (expansion.name == "PWD") {
      append(".");
    } else {
      out.placeholder.push_back(k_unknown_marker);
      out.unknown = true;
      if (const auto fallback = default_value(expansion.name)) {
        // A tilde at the start of the default expands too: ${D:-~}.
        if (fallback->starts_with('~') && (fallback->size() == 1 || (*fallback)[1] == '/')) {
          defaults.append(k_placeholder_home);
          defaults.append(fallback->substr(1));
        } else {
          defaults.append(*fallback);
        }
        has_default = true;
      }
    }
    pos = end;
  }
  if (pos < text.size()) {
    append(std::string_view(text).substr(pos));
  }
  if (has_default) {
    out.defaults = std::move(defaults);
  }
  return out;
}

} // namespace

std::string normalise_path(std::string_view path)
{
  if (path.empty()) {
    return {};
  }
  const bool absolute = path.front() == '/';
  std::vector<std::string_view> stack;
  for (const auto part : components(path)) {
    if (part == ".") {
      continue;
    }
    if (part == "..") {
      if (!stack.empty() && stack.back() != "..") {
        stack.pop_back();
      } else if (!absolute) {
        stack.push_back(part);
      }
      continue;
    }
    stack.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (std::size_t i = 0; i < stack.size(); ++i) {
    if (i > 0) {
      out.push_back('/');
    }
    out.append(stack[i]);
  }
  if (out.empty()) {
    out.push_back('.'); // (assigning "." trips a GCC 12 -Wrestrict false positive)
  }
  return out;
}

TargetClass worse(TargetClass a, TargetClass b)
{
  return rank(a) >= rank(b) ? a : b;
}

TargetClass classify_target(const Word& word, std::size_t from)
{
  if (from > word.text.size()) {
    return TargetClass::plain;
  }
  const Substituted substituted = substitute(word, from);
  if (!substituted.unknown) {
    return classify_path(substituted.empty);
  }
  // A default the word spells out is what it gives when the variable is
  // unset: rm -rf "${DIR:-/}" is the root then.
  const TargetClass by_default = substituted.defaults ? classify_path(*substituted.defaults) : TargetClass::plain;
  const std::string normal = normalise_path(substituted.empty);
  if (normal.empty() || normal == "/" || normal == ".") {
    return worse(TargetClass::unknown, by_default);
  }
  return worse(worse(classify_path(substituted.empty), classify_path(substituted.placeholder)), by_default);
}

bool may_be_block_device(const Word& word, std::size_t from)
{
  if (from > word.text.size()) {
    return false;
  }
  const Substituted substituted = substitute(word, from);
  return classify_path(substituted.empty) == TargetClass::block_device ||
         (substituted.unknown && classify_path(substituted.placeholder) == TargetClass::block_device);
}

std::string resolved_path(const Word& word, std::size_t from)
{
  if (from > word.text.size()) {
    return {};
  }
  return normalise_path(substitute(word, from).empty);
}

FileSensitivity file_sensitivity(const Word& word, std::size_t from)
{
  const std::string path = resolved_path(word, from);
  const std::string_view p = path;
  if (p == "/etc/passwd" || p == "/etc/shadow" || p == "/etc/gshadow" || p == "/etc/sudoers" ||
      p.starts_with("/etc/sudoers.d/") || p == "/etc/ld.so.preload") {
    return FileSensitivity::authentication;
  }
  if (p == "/etc/hosts" || p == "/etc/group" || p == "/etc/fstab" || p == "/etc/crontab" || p == "/etc/resolv.conf" ||
      p == "/etc/ssh/sshd_config" || p.starts_with("/etc/cron.") || p.starts_with("/var/spool/cron/") ||
      p.starts_with("/etc/pam.d/") || p.starts_with("/etc/security/")) {
    return FileSensitivity::configuration;
  }
  return FileSensitivity::none;
}

bool is_protected(TargetClass target)
{
  return target == TargetClass::root || target == TargetClass::home || target == TargetClass::system_dir;
}

std::string_view describe(TargetClass target)
{
  switch (target) {
  case TargetClass::plain:
    return "an ordinary path";
  case TargetClass::system_path:
    return "a path inside a system directory";
  case TargetClass::all_files:
    return "everything in the current directory";
  case TargetClass::unknown:
    return "a path decided by an unknown variable";
  case TargetClass::block_device:
    return "a block device";
  case TargetClass::system_dir:
    return "a system directory";
  case TargetClass::home:
    return "a home directory";
  case TargetClass::root:
    return "the filesystem root";
  }
  return "a path";
}

} // namespace caro::safety
