#pragma once

// Telling which dialect (GNU, BSD or BusyBox) each core utility speaks, by
// looking at the file PATH resolves it to and, when that is not conclusive,
// at what `<tool> --version` prints. Backends need this per tool because
// mixed systems exist (GNU coreutils from Homebrew on macOS, BusyBox find
// next to GNU sed in containers).

#include "caro/core/types.h"

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace caro::context {

using ToolFlavors = std::map<std::string, Platform, std::less<>>;

// The core utilities whose flavour is probed: find, sed, ls, stat, date, du, ps.
const std::vector<std::string>& probed_tools();

// Classifies the result of running `<tool> --version`: BusyBox named in
// either stream -> busybox; a successful run naming GNU, procps (ps) or
// uutils (a GNU-compatible rewrite) -> gnu; anything else, including "unknown
// option" failures and time-outs -> bsd.
Platform flavor_from_version_output(int exit_status, std::string_view out, std::string_view err);

// True when `executable` is, after following symlinks, the BusyBox binary.
bool is_busybox_binary(const std::string& executable);

struct ProbeOptions
{
  std::string path_value;                  // PATH given to the probed tools
  std::chrono::milliseconds timeout{1000}; // per probe; a hung tool counts as bsd
};

// Resolves each of probed_tools() on `dirs` and classifies it. The version
// probes run concurrently, so the whole call costs about one probe's time.
// Tools not found on PATH are absent from the result.
ToolFlavors probe_tool_flavors(const std::vector<std::string>& dirs, const ProbeOptions& options);

// The overall dialect: busybox when find or sed is BusyBox; bsd on the BSDs
// and macOS, or when both find and sed are BSD; gnu otherwise.
Platform choose_platform(std::string_view os, const ToolFlavors& flavors);

} // namespace caro::context
