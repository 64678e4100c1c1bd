#pragma once

// The on-disk cache of the expensive part of detection (tool flavours,
// installed utilities, where the shells live). It is keyed on everything
// that can change those answers: the cache format, caro's version, the PATH
// string, each PATH directory's mtime (installing or removing a program
// changes it) and $SHELL. Checking the key costs one stat per PATH directory
// and one small file read; no subprocess.

#include "caro/context/shell_choice.h"
#include "caro/context/tool_probe.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace caro::context {

// What a fresh detection learns by probing, as stored in the cache.
struct ProbedFacts
{
  ToolFlavors tool_flavors;
  std::set<std::string, std::less<>> installed;
  ShellPaths shell_paths;

  bool operator==(const ProbedFacts&) const = default;
};

// The cache key as compact JSON text. Compute it before probing, so that a
// program installed while the probes run invalidates the entry next time.
std::string cache_key(std::string_view path_value, const std::vector<std::string>& dirs, std::string_view shell_env);

// The cached facts when `file` exists, parses, is well-formed and carries
// exactly `key`; nullopt otherwise (a miss, never an error).
std::optional<ProbedFacts> load_cached_facts(const std::string& file, const std::string& key);

// Writes `facts` under `key` atomically (temporary file + rename), creating
// the directory if needed. Returns false on failure, which callers ignore:
// a cache that cannot be written only costs speed.
bool store_cached_facts(const std::string& file, const std::string& key, const ProbedFacts& facts);

} // namespace caro::context
