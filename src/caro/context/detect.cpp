// detect(): cheap live facts (uname, cwd, HOME, $SHELL) are read every time;
// the costly ones (tool flavours, installed utilities, shell locations) come
// from the on-disk cache when its key still matches, and are probed afresh
// and written back otherwise. Overrides (-s, --platform) are applied last so
// they never leak into the cache.

#include "caro/context/detect.h"

#include "caro/context/context_cache.h"
#include "caro/context/path_search.h"
#include "caro/context/shell_choice.h"
#include "caro/context/tool_probe.h"

#include <sys/utsname.h>

#include <chrono>
#include <filesystem>

namespace caro::context {
namespace {

std::optional<std::string> default_cache_dir(const EnvLookup& env)
{
  // The XDG spec says relative values are invalid and must be ignored.
  if (auto xdg = non_empty(env, "XDG_CACHE_HOME"); xdg && xdg->front() == '/') {
    return *xdg + "/caro";
  }
  if (auto home = non_empty(env, "HOME")) {
    return *home + "/.cache/caro";
  }
  return std::nullopt;
}

std::string current_directory(const EnvLookup& env)
{
  std::error_code error;
  auto cwd = std::filesystem::current_path(error);
  if (!error) {
    return cwd.string();
  }
  // The directory may have been removed under us; $PWD is the best remaining guess.
  return non_empty(env, "PWD").value_or("");
}

ProbedFacts probe(const std::vector<std::string>& dirs, const std::string& path_value)
{
  ProbedFacts facts;
  facts.tool_flavors = probe_tool_flavors(dirs, ProbeOptions{path_value, std::chrono::milliseconds(1000)});
  facts.installed = installed_programs(known_utilities(), dirs);
  facts.shell_paths = find_shells(dirs);
  return facts;
}

} // namespace

DetectReport detect(const DetectOptions& options)
{
  const auto started = std::chrono::steady_clock::now();
  const EnvLookup env = options.env ? options.env : process_environment();

  DetectReport report;
  ExecutionContext& context = report.context;

  struct utsname names = {};
  if (::uname(&names) == 0) {
    context.os = names.sysname;
    context.arch = names.machine;
  }
  context.cwd = current_directory(env);
  context.home = non_empty(env, "HOME").value_or("");

  const std::string path_value = env("PATH").value_or("");
  const std::string shell_env = non_empty(env, "SHELL").value_or("");
  const auto dirs = split_search_path(path_value);

  std::optional<ProbedFacts> facts;
  std::string key;
  if (options.use_cache) {
    if (auto dir = options.cache_dir ? options.cache_dir : default_cache_dir(env)) {
      report.cache_file = *dir + "/context.json";
      key = cache_key(path_value, dirs, shell_env);
      facts = load_cached_facts(report.cache_file, key);
      report.from_cache = facts.has_value();
    }
  }
  if (!facts) {
    facts = probe(dirs, path_value);
    if (!report.cache_file.empty()) {
      (void)store_cached_facts(report.cache_file, key, *facts);
    }
  }

  const auto shell = select_shell(options.shell, shell_env, facts->shell_paths);
  context.shell = shell.shell;
  context.shell_path = shell.path;
  context.platform = options.platform.value_or(choose_platform(context.os, facts->tool_flavors));
  context.tool_flavors = std::move(facts->tool_flavors);
  context.installed = std::move(facts->installed);

  report.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return report;
}

} // namespace caro::context
