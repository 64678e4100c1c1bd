// Cache file format (JSON):
//   {"key": {...}, "tool_flavors": {"find": "gnu", ...},
//    "installed": ["find", ...], "shell_paths": {"bash": "/usr/bin/bash", ...}}
// A file that does not match this shape exactly is treated as a miss and
// later overwritten, so a corrupt or foreign file can never break caro.

#include "caro/context/context_cache.h"

#include "caro/core/build_info.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace caro::context {
namespace {

using nlohmann::json;

// Bump when the stored shape or meaning changes.
constexpr int k_cache_format = 1;
// A real cache file is a few KiB; anything far larger is not ours.
constexpr std::uintmax_t k_max_cache_bytes = 1 << 20;

json directory_stamp(const std::string& dir)
{
  struct stat info = {};
  if (::stat(dir.c_str(), &info) != 0) {
    return json{{"dir", dir}, {"missing", true}};
  }
  return json{{"dir", dir},
              {"mtime_s", static_cast<std::int64_t>(info.st_mtim.tv_sec)},
              {"mtime_ns", static_cast<std::int64_t>(info.st_mtim.tv_nsec)}};
}

// Owns a file descriptor.
class UniqueFd
{
public:
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return m_fd; }
  bool reset()
  {
    const bool ok = m_fd < 0 || ::close(m_fd) == 0;
    m_fd = -1;
    return ok;
  }

private:
  int m_fd;
};

bool write_all(int fd, std::string_view data)
{
  while (!data.empty()) {
    const auto written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::optional<std::string> read_small_file(const std::string& file)
{
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error || size > k_max_cache_bytes) {
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return std::nullopt;
  }
  return text;
}

std::optional<ToolFlavors> decode_flavors(const json& value)
{
  if (!value.is_object()) {
    return std::nullopt;
  }
  ToolFlavors flavors;
  for (const auto& [tool, flavor] : value.items()) {
    if (!flavor.is_string()) {
      return std::nullopt;
    }
    const auto platform = parse_platform(flavor.get_ref<const std::string&>());
    if (!platform) {
      return std::nullopt;
    }
    flavors.emplace(tool, *platform);
  }
  return flavors;
}

std::optional<std::set<std::string, std::less<>>> decode_installed(const json& value)
{
  if (!value.is_array()) {
    return std::nullopt;
  }
  std::set<std::string, std::less<>> installed;
  for (const auto& name : value) {
    if (!name.is_string()) {
      return std::nullopt;
    }
    installed.insert(name.get<std::string>());
  }
  return installed;
}

std::optional<ShellPaths> decode_shell_paths(const json& value)
{
  if (!value.is_object()) {
    return std::nullopt;
  }
  ShellPaths paths;
  for (const auto& [shell, path] : value.items()) {
    if (!parse_shell(shell) || !path.is_string()) {
      return std::nullopt;
    }
    paths.emplace(shell, path.get<std::string>());
  }
  return paths;
}

} // namespace

std::string cache_key(std::string_view path_value, const std::vector<std::string>& dirs, std::string_view shell_env)
{
  json stamps = json::array();
  for (const auto& dir : dirs) {
    stamps.push_back(directory_stamp(dir));
  }
  const json key{{"format", k_cache_format},
                 {"caro_version", std::string(build_info().version)},
                 {"path", std::string(path_value)},
                 {"path_dirs", std::move(stamps)},
                 {"shell", std::string(shell_env)}};
  return key.dump();
}

std::optional<ProbedFacts> load_cached_facts(const std::string& file, const std::string& key)
{
  const auto text = read_small_file(file);
  if (!text) {
    return std::nullopt;
  }
  const json document = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("key") || document["key"].dump() != key) {
    return std::nullopt;
  }
  if (!document.contains("tool_flavors") || !document.contains("installed") || !document.contains("shell_paths")) {
    return std::nullopt;
  }
  auto flavors = decode_flavors(document["tool_flavors"]);
  auto installed = decode_installed(document["installed"]);
  auto shell_paths = decode_shell_paths(document["shell_paths"]);
  if (!flavors || !installed || !shell_paths) {
    return std::nullopt;
  }
  return ProbedFacts{std::move(*flavors), std::move(*installed), std::move(*shell_paths)};
}

bool store_cached_facts(const std::string& file, const std::string& key, const ProbedFacts& facts)
{
  json flavors = json::object();
  for (const auto& [tool, flavor] : facts.tool_flavors) {
    flavors[tool] = std::string(to_string(flavor));
  }
  json document{{"key", json::parse(key, nullptr, /*allow_exceptions=*/false)},
                {"tool_flavors", std::move(flavors)},
                {"installed", facts.installed},
                {"shell_paths", facts.shell_paths}};
  const std::string text = document.dump(2) + "\n";

  const std::filesystem::path target(file);
  std::error_code error;
  if (target.has_parent_path()) {
    std::filesystem::create_directories(target.parent_path(), error);
  }
  std::string temp_name = file + ".XXXXXX";
  UniqueFd fd(::mkstemp(temp_name.data()));
  if (fd.get() < 0) {
    return false;
  }
  const bool written = write_all(fd.get(), text) && fd.reset();
  if (!written || ::rename(temp_name.c_str(), file.c_str()) != 0) {
    ::unlink(temp_name.c_str());
    return false;
  }
  return true;
}

} // namespace caro::context
