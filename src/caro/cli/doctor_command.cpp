// `caro doctor`: what caro detected, where its settings came from, and which
// backends can answer here (and why not).

#include "caro/backends/backend_factory.h"
#include "caro/backends/embedded/model_catalog.h"
#include "caro/cli/app.h"
#include "caro/cli/session.h"
#include "caro/context/detect.h"
#include "caro/core/build_info.h"
#include "caro/models/model_store.h"
#include "caro/telemetry/paths.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace caro::cli {
namespace {

struct ModelOnDisk
{
  std::string id; // catalog id, or "" for another GGUF file in the directory
  std::string path;
  std::uint64_t bytes = 0;
};

// The catalog models that are downloaded, then any other .gguf file in the
// models directory (copied there by hand); an unusable directory lists none.
std::vector<ModelOnDisk> downloaded_models(const EnvLookup& env)
{
  std::vector<ModelOnDisk> found;
  auto statuses = models::model_statuses(env);
  if (!statuses) {
    return found;
  }
  for (const auto& status : *statuses) {
    if (status.downloaded) {
      found.push_back({std::string(status.model->id), status.path, status.bytes});
    }
  }
  const auto directory = backends::models_directory(env);
  std::error_code error;
  if (!directory || !std::filesystem::is_directory(*directory, error)) {
    return found;
  }
  std::vector<ModelOnDisk> others;
  for (const auto& entry : std::filesystem::directory_iterator(*directory, error)) {
    const auto path = entry.path().string();
    const bool known = std::any_of(found.begin(), found.end(), [&path](const auto& m) { return m.path == path; });
    if (!known && entry.path().extension() == ".gguf" && entry.is_regular_file(error)) {
      others.push_back({"", path, static_cast<std::uint64_t>(entry.file_size(error))});
    }
  }
  std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  found.insert(found.end(), others.begin(), others.end());
  return found;
}

} // namespace

int run_doctor(Session& session)
{
  auto settings = session.config.settings;
  context::DetectOptions detect_options;
  detect_options.env = session.env;
  detect_options.shell = settings.shell;
  detect_options.platform = settings.platform;
  const auto detected = context::detect(detect_options);
  const auto& ctx = detected.context;

  // Ask every backend, whatever --backend says.
  settings.backend = BackendChoice::automatic;
  const auto generators = backends::make_generators(settings);
  bool any_usable = false;

  std::vector<std::string> missing;
  for (const auto& tool : context::known_utilities()) {
    if (!ctx.has(tool)) {
      missing.push_back(tool);
    }
  }
  const auto& info = build_info();
  const auto downloaded = downloaded_models(session.env);
  const auto telemetry_path = telemetry::database_path(session.env);
  const std::string telemetry_file = telemetry_path ? *telemetry_path : std::string();

  if (settings.output == OutputFormat::json) {
    nlohmann::json doc;
    doc["version"] = {{"version", info.version}, {"git", info.git_hash}, {"build_type", info.build_type}};
    doc["config"] = {{"file", session.config.file_path}, {"exists", session.config.file_exists}};
    doc["context"] = {{"os", ctx.os},
                      {"arch", ctx.arch},
                      {"shell", to_string(ctx.shell)},
                      {"shell_path", ctx.shell_path},
                      {"cwd", ctx.cwd},
                      {"platform", to_string(ctx.platform)},
                      {"from_cache", detected.from_cache},
                      {"cache_file", detected.cache_file},
                      {"detect_ms", detected.elapsed_ms},
                      {"installed", ctx.installed},
                      {"missing", missing}};
    for (const auto& [tool, flavor] : ctx.tool_flavors) {
      doc["context"]["tool_flavors"][tool] = to_string(flavor);
    }
    for (const auto& generator : generators) {
      const auto availability = generator->availability();
      any_usable = any_usable || availability.usable;
      doc["backends"].push_back(
          {{"name", generator->name()}, {"usable", availability.usable}, {"reason", availability.reason}});
    }
    doc["models"] = nlohmann::json::array();
    for (const auto& status : downloaded) {
      doc["models"].push_back({{"id", status.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(status.id)},
                               {"path", status.path},
                               {"bytes", status.bytes}});
    }
    doc["telemetry"] = {{"enabled", settings.telemetry}, {"history", settings.history}, {"database", telemetry_file}};
    std::fputs((doc.dump(2) + "\n").c_str(), stdout);
    return any_usable ? k_exit_ok : k_exit_no_command;
  }

  std::string out;
  out += fmt::format("caro {} (git {}, {})\n\n", info.version, info.git_hash, info.build_type);
  out += fmt::format("config file   {}{}\n", session.config.file_path,
                     session.config.file_exists ? "" : " (not found; using defaults)");
  out += fmt::format("safety        {}\n", to_string(settings.safety));
  out += fmt::format("system        {} {}\n", ctx.os, ctx.arch);
  out += fmt::format("shell         {} ({})\n", to_string(ctx.shell), ctx.shell_path);
  out += fmt::format("platform      {}{}\n", to_string(ctx.platform),
                     session.config.settings.platform ? " (set)" : " (detected)");
  std::string flavors;
  for (const auto& [tool, flavor] : ctx.tool_flavors) {
    flavors += fmt::format("{}{}={}", flavors.empty() ? "" : " ", tool, to_string(flavor));
  }
  out += fmt::format("core tools    {}\n", flavors.empty() ? "none found on PATH" : flavors);
  out += fmt::format("utilities     {} of {} known found", ctx.installed.size(), context::known_utilities().size());
  out += missing.empty() ? "\n" : fmt::format("; missing: {}\n", fmt::join(missing, " "));
  out += fmt::format("context cache {} ({}, {:.2f} ms)\n\n", detected.cache_file,
                     detected.from_cache ? "used" : "refreshed", detected.elapsed_ms);
  out += "backends\n";
  for (const auto& generator : generators) {
    const auto availability = generator->availability();
    any_usable = any_usable || availability.usable;
    out += fmt::format("  {:<9} {:<12} {}\n", generator->name(), availability.usable ? "usable" : "unavailable",
                       availability.reason);
  }
  out += "\nmodels\n";
  if (downloaded.empty()) {
    out += "  none downloaded (caro model list shows the catalog; caro model pull downloads one)\n";
  }
  for (const auto& status : downloaded) {
    out += fmt::format("  {:<20} {:>8.1f} MB  {}\n", status.id.empty() ? "(not in catalog)" : status.id,
                       static_cast<double>(status.bytes) / 1e6, status.path);
  }
  out +=
      fmt::format("\ntelemetry     {}{}\n", settings.telemetry ? "on" : "off",
                  settings.telemetry ? fmt::format(" ({}{})", telemetry_file, settings.history ? ", with history" : "")
                                     : std::string(" (caro config set telemetry true turns it on)"));
  std::fputs(out.c_str(), stdout);
  return any_usable ? k_exit_ok : k_exit_no_command;
}

} // namespace caro::cli
