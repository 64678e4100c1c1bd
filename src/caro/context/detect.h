#pragma once

// Detecting the execution context: OS, arch, shell, cwd, the GNU/BSD/BusyBox
// flavour of the core utilities (by probing the real tools) and which common
// utilities are installed. The probe result is cached on disk under
// $XDG_CACHE_HOME/caro/ and reused while PATH and the tools on it are
// unchanged, so a cached detection costs a cold run well under a millisecond
// or two (a few stat calls and one small file read).

#include "caro/context/execution_context.h"
#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <optional>
#include <string>
#include <vector>

namespace caro::context {

struct DetectOptions
{
  EnvLookup env;                        // PATH, SHELL, HOME, XDG_CACHE_HOME...; empty: the process's
  std::optional<Shell> shell;           // -s / CARO_SHELL / config; unset: from $SHELL
  std::optional<Platform> platform;     // --platform / CARO_PLATFORM / config; unset: probe
  std::optional<std::string> cache_dir; // unset: $XDG_CACHE_HOME/caro or ~/.cache/caro
  bool use_cache = true;
};

// Where detection came from, for `caro doctor` and -v.
struct DetectReport
{
  ExecutionContext context;
  bool from_cache = false;
  std::string cache_file; // the cache consulted; empty when use_cache is off or no cache dir is known
  double elapsed_ms = 0.0;
};

// Never fails for lack of a cache (an unwritable or corrupt cache is ignored
// and detection runs afresh). The cache holds only what probing learns (tool
// flavours, installed utilities, where each shell lives); os, arch, cwd, home,
// the shell choice and the platform are worked out on every call, so
// overrides and a changed HOME or cwd never go stale.
DetectReport detect(const DetectOptions& options);

// The common utilities whose presence is recorded in ExecutionContext::installed.
const std::vector<std::string>& known_utilities();

} // namespace caro::context
