#pragma once

// A throw-away "machine" for context tests: a temp dir with a bin/ folder of
// fake tools (tiny /bin/sh scripts that answer --version like GNU, BSD or
// BusyBox would), a HOME and a cache dir, exposed as an injected environment.

#include "caro/context/detect.h"
#include "support/caro_process.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace caro::context::testing {

class FakeSystem
{
public:
  FakeSystem() { std::filesystem::create_directories(bin()); }

  std::filesystem::path root() const { return m_dir.path(); }
  std::filesystem::path bin() const { return m_dir.path() / "bin"; }
  std::filesystem::path home() const { return m_dir.path() / "home"; }
  std::filesystem::path cache_home() const { return m_dir.path() / "cache"; }
  std::filesystem::path cache_file() const { return cache_home() / "caro" / "context.json"; }

  // An executable script at `relative` (under root) running `body` with /bin/sh.
  std::filesystem::path add_script(const std::string& relative, const std::string& body) const
  {
    const auto path = m_dir.write(relative, "#!/bin/sh\n" + body + "\n");
    std::filesystem::permissions(path, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                           std::filesystem::perms::group_exec);
    return path;
  }

  // A tool in bin/ whose --version prints `version_line` and succeeds.
  void add_versioned_tool(const std::string& name, const std::string& version_line) const
  {
    add_script("bin/" + name, "if [ \"$1\" = --version ]; then echo '" + version_line + "'; exit 0; fi\nexit 0");
  }

  // A tool in bin/ that rejects --version the way BSD tools do.
  void add_bsd_tool(const std::string& name) const
  {
    add_script("bin/" + name,
               "echo '" + name + ": illegal option -- -' >&2\necho 'usage: " + name + " ...' >&2\nexit 1");
  }

  // bin/<name> as a symlink to a fake BusyBox binary kept outside bin/.
  void add_busybox_symlink(const std::string& name) const
  {
    const auto busybox = root() / "busybox-install" / "busybox";
    if (!std::filesystem::exists(busybox)) {
      add_script("busybox-install/busybox", "echo 'BusyBox v1.36.1 multi-call binary.' >&2\nexit 1");
    }
    std::filesystem::create_symlink(busybox, bin() / name);
  }

  // Moves a directory's mtime well away from its current value, as installing
  // a program would; explicit so the test never depends on timestamp granularity.
  static void bump_mtime(const std::filesystem::path& dir)
  {
    std::filesystem::last_write_time(dir, std::filesystem::last_write_time(dir) + std::chrono::seconds(10));
  }

  EnvLookup env(std::map<std::string, std::string, std::less<>> overrides = {}) const
  {
    std::map<std::string, std::string, std::less<>> variables{{"PATH", bin().string()},
                                                              {"HOME", home().string()},
                                                              {"SHELL", "/bin/bash"},
                                                              {"XDG_CACHE_HOME", cache_home().string()}};
    for (auto& [name, value] : overrides) {
      variables[name] = value;
    }
    return fixed_environment(std::move(variables));
  }

  DetectOptions options(std::map<std::string, std::string, std::less<>> overrides = {}) const
  {
    DetectOptions result;
    result.env = env(std::move(overrides));
    return result;
  }

private:
  caro::testing::TempDir m_dir;
};

} // namespace caro::context::testing
