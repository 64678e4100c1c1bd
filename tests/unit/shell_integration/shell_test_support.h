#pragma once

// Helpers for the shell-integration unit tests: the scripts are written to a
// temp dir and run by the real shells, with HOME and the XDG dirs in that temp
// dir so no test reads or writes the developer's own shell configuration.

#include "caro/cli/shell_integration.h"
#include "caro/util/subprocess.h"
#include "support/caro_process.h"
#include "support/patience.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace caro::shell_test {

inline std::string init_text(Shell shell)
{
  auto script = cli::init_script(shell);
  if (!script) {
    ADD_FAILURE() << "init_script failed: " << script.error().message;
    return {};
  }
  return *script;
}

inline std::string completion_text(Shell shell)
{
  auto script = cli::completion_script(shell);
  if (!script) {
    ADD_FAILURE() << "completion_script failed: " << script.error().message;
    return {};
  }
  return *script;
}

// Runs argv with a sandboxed environment: HOME and XDG dirs under `home`, PATH
// from the test process unless `extra` overrides it.
inline util::ProcessOutput run_in_sandbox(const testing::TempDir& home, const std::vector<std::string>& argv,
                                          const std::map<std::string, std::string>& extra = {})
{
  std::map<std::string, std::string> env{
      {"HOME", home.path().string()},
      {"XDG_CONFIG_HOME", (home.path() / ".config").string()},
      {"XDG_DATA_HOME", (home.path() / ".local/share").string()},
      {"XDG_CACHE_HOME", (home.path() / ".cache").string()},
      {"TMPDIR", home.path().string()},
      {"TERM", "dumb"},
      {"LC_ALL", "C.UTF-8"},
  };
  if (const char* path = std::getenv("PATH")) {
    env["PATH"] = path;
  }
  for (const auto& [name, value] : extra) {
    env[name] = value;
  }
  std::vector<std::string> environment;
  for (const auto& [name, value] : env) {
    environment.push_back(name + "=" + value);
  }
  util::CaptureOptions options;
  options.timeout = caro::testing::k_patience;
  options.environment = environment;
  options.working_directory = home.path().string();
  auto result = util::capture(argv, options);
  if (!result) {
    ADD_FAILURE() << "cannot run " << argv.front() << ": " << result.error().message;
    return {};
  }
  EXPECT_FALSE(result->timed_out) << argv.front() << " timed out";
  return *result;
}

// A stand-in for caro: it appends its arguments to calls.log next to itself,
// fails (exit 3, message on stderr) for requests starting with "fail", prints
// nothing for requests starting with "silent", and otherwise prints
// `echo generated-SHELL-REQUEST` with the request's spaces turned into dashes.
inline std::filesystem::path write_fake_caro(const testing::TempDir& dir, const std::string& relative = "bin/caro")
{
  const auto path = dir.write(relative, R"sh(#!/bin/sh
printf '%s\n' "$*" >> "$(dirname "$0")/calls.log"
shell=unknown
request=
previous=
for arg in "$@"; do
  case "$arg" in
    --prompt=*) request=${arg#--prompt=} ;;
  esac
  if [ "$previous" = --shell ]; then
    shell=$arg
  fi
  previous=$arg
done
case "$request" in
  fail*) echo "fake caro: no command for that" >&2; exit 3 ;;
  silent*) exit 0 ;;
esac
printf 'echo generated-%s-%s\n' "$shell" "$(printf '%s' "$request" | tr ' ' '-')"
)sh");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

} // namespace caro::shell_test
