// Flavour probes. Each tool found on PATH is first checked for being a
// BusyBox symlink (no subprocess needed); the rest are asked `--version` in
// parallel threads, each with a short time-out, so detection costs roughly
// one process start rather than seven.

#include "caro/context/tool_probe.h"

#include "caro/context/path_search.h"
#include "caro/util/subprocess.h"

#include <csignal>
#include <filesystem>
#include <optional>
#include <thread>

namespace caro::context {
namespace {

bool contains(std::string_view text, std::string_view needle)
{
  return text.find(needle) != std::string_view::npos;
}

// util::capture() ignores SIGPIPE while it runs and then restores what it
// saved; two overlapping calls can restore each other's "ignored" and leave
// the process ignoring SIGPIPE for good. Ignoring it around the whole batch
// makes every save and restore inside the batch a no-op.
class ScopedIgnoreSigpipe
{
public:
  ScopedIgnoreSigpipe()
  {
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &m_previous);
  }
  ~ScopedIgnoreSigpipe() { ::sigaction(SIGPIPE, &m_previous, nullptr); }
  ScopedIgnoreSigpipe(const ScopedIgnoreSigpipe&) = delete;
  ScopedIgnoreSigpipe& operator=(const ScopedIgnoreSigpipe&) = delete;

private:
  struct sigaction m_previous = {};
};

Platform probe_version(const std::string& executable, const ProbeOptions& options)
{
  util::CaptureOptions capture_options;
  capture_options.timeout = options.timeout;
  capture_options.max_output = 4096;
  // A fixed, minimal environment: C locale so messages are not translated,
  // and the same PATH the tool was found on.
  capture_options.environment = std::vector<std::string>{"PATH=" + options.path_value, "LC_ALL=C"};
  const auto result = util::capture({executable, "--version"}, capture_options);
  if (!result || result->timed_out) {
    return Platform::bsd;
  }
  return flavor_from_version_output(result->exit_status, result->out, result->err);
}

} // namespace

const std::vector<std::string>& probed_tools()
{
  static const std::vector<std::string> k_tools{"find", "sed", "ls", "stat", "date", "du", "ps"};
  return k_tools;
}

Platform flavor_from_version_output(int exit_status, std::string_view out, std::string_view err)
{
  if (contains(out, "BusyBox") || contains(err, "BusyBox")) {
    return Platform::busybox;
  }
  if (exit_status == 0 && (contains(out, "GNU") || contains(out, "procps") || contains(out, "uutils"))) {
    return Platform::gnu;
  }
  return Platform::bsd;
}

bool is_busybox_binary(const std::string& executable)
{
  if (base_name(executable) == "busybox") {
    return true;
  }
  std::error_code error;
  const auto target = std::filesystem::canonical(executable, error);
  return !error && target.filename() == "busybox";
}

ToolFlavors probe_tool_flavors(const std::vector<std::string>& dirs, const ProbeOptions& options)
{
  const auto& tools = probed_tools();
  std::vector<std::optional<Platform>> flavors(tools.size());
  std::vector<std::pair<std::size_t, std::string>> to_run;
  for (std::size_t i = 0; i < tools.size(); ++i) {
    const auto executable = find_executable(tools[i], dirs);
    if (!executable) {
      continue;
    }
    if (is_busybox_binary(*executable)) {
      flavors[i] = Platform::busybox;
    } else {
      to_run.emplace_back(i, *executable);
    }
  }

  {
    ScopedIgnoreSigpipe sigpipe_guard;
    std::vector<std::jthread> workers;
    workers.reserve(to_run.size());
    for (const auto& [index, executable] : to_run) {
      // Each thread writes only its own slot; joining (jthread's destructor)
      // publishes the results.
      workers.emplace_back([&flavors, &options, index = index, executable = executable] {
        flavors[index] = probe_version(executable, options);
      });
    }
  }

  ToolFlavors result;
  for (std::size_t i = 0; i < tools.size(); ++i) {
    if (flavors[i]) {
      result.emplace(tools[i], *flavors[i]);
    }
  }
  return result;
}

Platform choose_platform(std::string_view os, const ToolFlavors& flavors)
{
  const auto flavor_of = [&](std::string_view tool) -> std::optional<Platform> {
    if (const auto it = flavors.find(tool); it != flavors.end()) {
      return it->second;
    }
    return std::nullopt;
  };
  const auto find = flavor_of("find");
  const auto sed = flavor_of("sed");
  if (find == Platform::busybox || sed == Platform::busybox) {
    return Platform::busybox;
  }
  if (os == "Darwin" || os == "FreeBSD" || os == "OpenBSD" || os == "NetBSD" || os == "DragonFly") {
    return Platform::bsd;
  }
  if (find == Platform::bsd && sed == Platform::bsd) {
    return Platform::bsd;
  }
  return Platform::gnu;
}

} // namespace caro::context
