// Resolving the settings: defaults, then the config file, then the CARO_*
// environment (flags are applied afterwards by the front end through apply()).
// The file is walked key by key rather than queried for known keys, so that
// unknown keys can be reported with their line and a suggestion.

#include "caro/config/file_io.h"
#include "caro/config/settings.h"
#include "caro/config/toml_document.h"
#include "caro/config/values.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace caro::config {
namespace {

constexpr std::string_view k_file_hint = "fix the file or run `caro config path` to find it";

std::string home_from_password_database()
{
  std::vector<char> buffer(16384);
  struct passwd entry
  {
  };
  struct passwd* found = nullptr;
  if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
      found->pw_dir != nullptr) {
    return found->pw_dir;
  }
  return {};
}

// Warnings keyed by line, so they can be reported in file order (toml++
// iterates tables in key order).
using LineWarnings = std::vector<std::pair<toml::source_index, std::string>>;

void warn_unknown_key(LineWarnings& warnings, std::string_view path, const toml::key& key, std::string_view full_name)
{
  std::string warning =
      detail::where(path, key.source()) + ": unknown key " + detail::toml_quote(full_name) + " (ignored)";
  if (find_key(full_name) != nullptr) {
    // `"static.min_confidence" = 1`: in TOML a quoted dotted name is one key, not a table and a key.
    const auto dot = full_name.find('.');
    warning += "; write it without quotes, or as " + std::string(full_name.substr(dot + 1)) + " in a [" +
               std::string(full_name.substr(0, dot)) + "] table";
  } else if (const auto suggestion = closest_key(full_name)) {
    warning += "; did you mean \"" + std::string(*suggestion) + "\"?";
  }
  warnings.emplace_back(key.source().begin.line, std::move(warning));
}

// One known key's value from the file: checks the TOML type, then the value.
Expected<void> load_value(Resolved& resolved, std::string_view path, const KeyInfo& info, const toml::node& node)
{
  const std::string location = detail::where(path, node.source());
  Expected<void> assigned;
  if (info.type == ValueType::number) {
    if (const auto* integer = node.as_integer()) {
      assigned = detail::assign_number(resolved.settings, info, static_cast<double>(integer->get()));
    } else if (const auto* floating = node.as_floating_point()) {
      assigned = detail::assign_number(resolved.settings, info, floating->get());
    } else {
      return unexpected(location + ": wrong type for key \"" + std::string(info.name) + "\": expected a number in " +
                            std::string(info.allowed) + ", found " + std::string(detail::describe_type(node.type())),
                        std::string(k_file_hint));
    }
  } else if (info.type == ValueType::integer) {
    const auto* integer = node.as_integer();
    if (integer == nullptr) {
      return unexpected(location + ": wrong type for key \"" + std::string(info.name) +
                            "\": expected a whole number in " + std::string(info.allowed) + ", found " +
                            std::string(detail::describe_type(node.type())),
                        std::string(k_file_hint));
    }
    assigned = detail::assign_text(resolved.settings, info, std::to_string(integer->get()));
  } else if (info.type == ValueType::boolean) {
    const auto* boolean = node.as_boolean();
    if (boolean == nullptr) {
      return unexpected(location + ": wrong type for key \"" + std::string(info.name) +
                            "\": expected true or false (unquoted), found " +
                            std::string(detail::describe_type(node.type())),
                        std::string(k_file_hint));
    }
    assigned = detail::assign_text(resolved.settings, info, boolean->get() ? "true" : "false");
  } else {
    const auto* text = node.as_string();
    if (text == nullptr) {
      return unexpected(location + ": wrong type for key \"" + std::string(info.name) + "\": expected a string (" +
                            std::string(info.allowed) + "), found " + std::string(detail::describe_type(node.type())),
                        std::string(k_file_hint));
    }
    assigned = detail::assign_text(resolved.settings, info, text->get());
  }
  if (!assigned) {
    return unexpected(location + ": " + assigned.error().message, std::string(k_file_hint));
  }
  resolved.sources.insert_or_assign(std::string(info.name), Source::file);
  return {};
}

// Whether some key lives in the table `name` ("static", "embedded").
bool is_key_table(std::string_view name)
{
  for (const auto& info : keys()) {
    const auto dot = info.name.find('.');
    if (dot != std::string_view::npos && info.name.substr(0, dot) == name) {
      return true;
    }
  }
  return false;
}

// A table of keys such as [static] or [embedded] (or `static.x = ...` dotted
// keys, or an inline table).
Expected<void> load_key_table(Resolved& resolved, LineWarnings& warnings, std::string_view path,
                              const toml::key& table_key, const toml::node& node)
{
  const auto* table = node.as_table();
  if (table == nullptr) {
    return unexpected(detail::where(path, table_key.source()) + ": wrong type for key \"" +
                          std::string(table_key.str()) + "\": expected a table, found " +
                          std::string(detail::describe_type(node.type())),
                      std::string(k_file_hint));
  }
  for (const auto& [key, value] : *table) {
    const std::string full_name = std::string(table_key.str()) + "." + std::string(key.str());
    if (const KeyInfo* info = find_key(full_name)) {
      if (auto loaded = load_value(resolved, path, *info, value); !loaded) {
        return loaded;
      }
    } else {
      warn_unknown_key(warnings, path, key, full_name);
    }
  }
  return {};
}

Expected<void> load_file(Resolved& resolved, std::string_view text)
{
  auto parsed = detail::parse_toml(text, resolved.file_path);
  if (!parsed) {
    return unexpected(parsed.error());
  }
  LineWarnings warnings;
  for (const auto& [key, value] : *parsed) {
    const std::string_view name = key.str();
    Expected<void> loaded;
    if (is_key_table(name)) {
      loaded = load_key_table(resolved, warnings, resolved.file_path, key, value);
    } else if (const KeyInfo* info = find_key(name); info != nullptr && name.find('.') == std::string_view::npos) {
      loaded = load_value(resolved, resolved.file_path, *info, value);
    } else {
      // A quoted top-level "static.min_confidence" is a different key in TOML; it lands here too.
      warn_unknown_key(warnings, resolved.file_path, key, name);
    }
    if (!loaded) {
      return loaded;
    }
  }
  std::stable_sort(warnings.begin(), warnings.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, warning] : warnings) {
    resolved.warnings.push_back(std::move(warning));
  }
  return {};
}

Expected<void> load_environment(Resolved& resolved, const EnvLookup& env)
{
  for (const auto& info : keys()) {
    const auto value = non_empty(env, info.env);
    if (!value) {
      continue;
    }
    if (auto assigned = detail::assign_text(resolved.settings, info, *value); !assigned) {
      return unexpected(std::string(info.env) + "=" + *value + ": " + assigned.error().message,
                        "fix or unset " + std::string(info.env));
    }
    resolved.sources.insert_or_assign(std::string(info.name), Source::environment);
  }
  return {};
}

} // namespace

std::string default_config_path(const EnvLookup& env)
{
  // The XDG base directory spec says relative values are to be ignored.
  if (const auto xdg = non_empty(env, "XDG_CONFIG_HOME"); xdg && xdg->front() == '/') {
    return (std::filesystem::path(*xdg) / "caro" / "config.toml").string();
  }
  std::string home = non_empty(env, "HOME").value_or(std::string());
  if (home.empty()) {
    home = home_from_password_database();
  }
  return (std::filesystem::path(home) / ".config" / "caro" / "config.toml").string();
}

Expected<Resolved> resolve(const std::optional<std::string>& explicit_path, const EnvLookup& env)
{
  Resolved resolved;
  for (const auto& info : keys()) {
    resolved.sources.emplace(std::string(info.name), Source::default_value);
  }
  resolved.file_path = explicit_path ? *explicit_path : default_config_path(env);

  auto contents = detail::read_text_file(resolved.file_path);
  if (!contents) {
    return unexpected(contents.error().message, "check the file's permissions, or point --config at another file");
  }
  if (*contents) {
    resolved.file_exists = true;
    if (auto loaded = load_file(resolved, **contents); !loaded) {
      return unexpected(loaded.error());
    }
  } else if (explicit_path) {
    return unexpected("config file " + resolved.file_path + " does not exist",
                      "check the path given with --config, or leave it out to use " + default_config_path(env));
  }

  if (auto loaded = load_environment(resolved, env); !loaded) {
    return unexpected(loaded.error());
  }
  return resolved;
}

} // namespace caro::config
