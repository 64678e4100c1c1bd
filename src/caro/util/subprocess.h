#pragma once

// Running a helper program and capturing what it prints (used by the context
// probes and the tests). No shell is involved: argv is executed directly.

#include "caro/util/expected.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace caro::util {

struct ProcessOutput
{
  int exit_status = -1; // exit code, or 128+N when killed by signal N
  std::string out;
  std::string err;
  bool timed_out = false;
  long peak_rss_kb = 0; // the child's peak resident set (benchmarks report it)
};

struct CaptureOptions
{
  std::chrono::milliseconds timeout{2000};
  std::string stdin_text;           // written to the child's stdin, then closed
  std::size_t max_output = 1 << 20; // bytes kept per stream; the rest is drained and dropped
  // When set, the child's whole environment ("NAME=value" entries); otherwise it inherits caro's.
  std::optional<std::vector<std::string>> environment;
  std::string working_directory; // empty: inherit
};

// Runs argv[0] (looked up on PATH) with stdin fed from `stdin_text`. An Error
// means the program could not be started at all.
Expected<ProcessOutput> capture(const std::vector<std::string>& argv, const CaptureOptions& options = {});

} // namespace caro::util
