#pragma once

// Running the real caro binary from end-to-end tests, with a controlled
// environment: a private HOME, XDG dirs and cache, no colours unless asked.

#include "caro/util/subprocess.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace caro::testing {

// A fresh directory under the system temp dir, removed with its contents.
class TempDir
{
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  // Writes `contents` to path()/relative (creating parent dirs) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& contents) const;

private:
  std::filesystem::path m_path;
};

std::string read_file(const std::filesystem::path& path);

struct CaroRun
{
  std::vector<std::string> args;
  std::map<std::string, std::string> env; // added to / overriding the sandbox environment
  std::string stdin_text;
  std::string working_directory;
};

// The environment run_caro uses, for tests that start caro another way (on a
// pseudo-terminal): a private HOME and XDG dirs, PATH and SHELL from the
// test process, plus `extra`.
std::vector<std::string> caro_environment(const TempDir& home, const std::map<std::string, std::string>& extra = {});

// Runs the built caro with HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and
// XDG_DATA_HOME pointing into `home`, PATH and SHELL from the test process,
// and no CARO_* or NO_COLOR variables unless `run.env` sets them.
util::ProcessOutput run_caro(const TempDir& home, const CaroRun& run);

} // namespace caro::testing
