#include "support/caro_process.h"

#include "support/patience.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace caro::testing {

TempDir::TempDir()
{
  std::random_device device;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("caro-test-" + std::to_string(device()));
    if (std::filesystem::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir()
{
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TempDir::write(const std::string& relative, const std::string& contents) const
{
  const auto full = m_path / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << contents;
  return full;
}

std::string read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> caro_environment(const TempDir& home, const std::map<std::string, std::string>& extra)
{
  std::map<std::string, std::string> env{
      {"HOME", home.path().string()},
      {"XDG_CONFIG_HOME", (home.path() / ".config").string()},
      {"XDG_CACHE_HOME", (home.path() / ".cache").string()},
      {"XDG_DATA_HOME", (home.path() / ".local/share").string()},
      {"LC_ALL", "C.UTF-8"},
  };
  for (const char* inherited : {"PATH", "SHELL", "ASAN_OPTIONS", "UBSAN_OPTIONS", "TMPDIR"}) {
    if (const char* value = std::getenv(inherited)) {
      env[inherited] = value;
    }
  }
  if (env.find("SHELL") == env.end()) {
    env["SHELL"] = "/bin/bash";
  }
  for (const auto& [name, value] : extra) {
    env[name] = value;
  }
  std::vector<std::string> environment;
  for (const auto& [name, value] : env) {
    environment.push_back(name + "=" + value);
  }
  return environment;
}

util::ProcessOutput run_caro(const TempDir& home, const CaroRun& run)
{
  const auto environment = caro_environment(home, run.env);
  std::vector<std::string> argv{CARO_BINARY};
  argv.insert(argv.end(), run.args.begin(), run.args.end());
  util::CaptureOptions options;
  options.timeout = k_patience;
  options.stdin_text = run.stdin_text;
  options.environment = environment;
  options.working_directory = run.working_directory;
  auto result = util::capture(argv, options);
  if (!result) {
    ADD_FAILURE() << "cannot run caro: " << result.error().message;
    return {};
  }
  EXPECT_FALSE(result->timed_out) << "caro timed out";
  return *result;
}

} // namespace caro::testing
