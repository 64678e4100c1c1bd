#pragma once

// The fixed execution context the in-process benchmarks and gate workloads
// run with: GNU tools, a typical set installed, no detection (which would
// make the figures depend on the machine).

#include "caro/context/execution_context.h"

namespace caro::bench {

inline ExecutionContext gnu_context()
{
  ExecutionContext context;
  context.os = "Linux";
  context.arch = "x86_64";
  context.cwd = "/tmp";
  context.home = "/home/user";
  for (const char* tool : {"find", "grep", "du", "df", "ps", "tar", "git", "ss", "curl", "sed", "awk"}) {
    context.installed.emplace(tool);
  }
  return context;
}

} // namespace caro::bench
