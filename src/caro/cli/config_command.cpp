// `caro config show|get|set|path`.

#include "caro/cli/app.h"
#include "caro/cli/session.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace caro::cli {
namespace {

constexpr const char* k_usage = "usage: caro config show | path | get <KEY> | set <KEY> <VALUE>";

std::string known_keys()
{
  std::string list;
  for (const auto& key : config::keys()) {
    list += list.empty() ? "" : ", ";
    list += key.name;
  }
  return list;
}

bool check_arity(const Session& session, std::size_t expected)
{
  if (session.options.action_args.size() != expected) {
    print_error(
        {fmt::format("'config {}' takes {} argument{}", session.options.action, expected, expected == 1 ? "" : "s"),
         k_usage});
    return false;
  }
  return true;
}

int show(const Session& session)
{
  const auto& resolved = session.config;
  if (resolved.settings.output == OutputFormat::json) {
    nlohmann::json doc{{"file", resolved.file_path}, {"file_exists", resolved.file_exists}};
    for (const auto& key : config::keys()) {
      const auto source = resolved.sources.find(key.name);
      doc["settings"][std::string(key.name)] = {
          {"value", config::value_as_text(resolved.settings, key.name)},
          {"source",
           config::to_string(source == resolved.sources.end() ? config::Source::default_value : source->second)}};
    }
    std::fputs((doc.dump(2) + "\n").c_str(), stdout);
    return k_exit_ok;
  }
  std::fputs(
      fmt::format("# config file: {}{}\n", resolved.file_path, resolved.file_exists ? "" : " (not found)").c_str(),
      stdout);
  for (const auto& key : config::keys()) {
    const auto source = resolved.sources.find(key.name);
    const auto origin = source == resolved.sources.end() ? config::Source::default_value : source->second;
    const auto value = config::value_as_text(resolved.settings, key.name);
    std::fputs(
        fmt::format("{} = {}  # {}\n", key.name, value.empty() ? "(detect)" : value, config::to_string(origin)).c_str(),
        stdout);
  }
  return k_exit_ok;
}

} // namespace

int run_config(Session& session)
{
  const auto& action = session.options.action;
  if (action == "path") {
    if (!check_arity(session, 0)) {
      return k_exit_usage;
    }
    const auto path = session.options.config_file.value_or(config::default_config_path(session.env));
    std::fputs((path + "\n").c_str(), stdout);
    return k_exit_ok;
  }
  if (action == "show" || action.empty()) {
    if (!check_arity(session, 0)) {
      return k_exit_usage;
    }
    return show(session);
  }
  if (action == "get") {
    if (!check_arity(session, 1)) {
      return k_exit_usage;
    }
    const auto& key = session.options.action_args[0];
    if (!config::find_key(key)) {
      const auto suggestion = config::closest_key(key);
      print_error({fmt::format("unknown config key \"{}\"{}", key,
                               suggestion ? fmt::format(" (did you mean \"{}\"?)", *suggestion) : ""),
                   "known keys: " + known_keys()});
      return k_exit_usage;
    }
    std::fputs((config::value_as_text(session.config.settings, key) + "\n").c_str(), stdout);
    return k_exit_ok;
  }
  if (action == "set") {
    if (!check_arity(session, 2)) {
      return k_exit_usage;
    }
    const auto path = session.options.config_file.value_or(config::default_config_path(session.env));
    const auto& key = session.options.action_args[0];
    const auto& value = session.options.action_args[1];
    if (auto written = config::set_in_file(path, key, value); !written) {
      print_error(written.error());
      return k_exit_usage;
    }
    if (!session.options.quiet) {
      std::fputs(fmt::format("caro: set {} = {} in {}\n", key, value, path).c_str(), stderr);
    }
    return k_exit_ok;
  }
  print_error({fmt::format("unknown config action \"{}\"", action), k_usage});
  return k_exit_usage;
}

} // namespace caro::cli
