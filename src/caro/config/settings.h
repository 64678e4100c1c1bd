#pragma once

// caro's settings, where each one came from, and how they are resolved:
// flag > environment (CARO_*) > config file > default/detection.

#include "caro/core/types.h"
#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::config {

struct Settings
{
  BackendChoice backend = BackendChoice::automatic;
  SafetyMode safety = SafetyMode::moderate;
  std::optional<Shell> shell;       // unset: detect from $SHELL
  std::optional<Platform> platform; // unset: detect from the installed tools
  OutputFormat output = OutputFormat::plain;
  ColorChoice color = ColorChoice::automatic;
  std::string model = "smollm-135m";  // catalog id or path to a GGUF file
  double static_min_confidence = 0.6; // the static matcher declines below this
};

enum class Source { default_value, file, environment, flag };
std::string_view to_string(Source source);

// One documented key. The table is the single source of truth for
// `config show|get|set`, the environment variables and docs/cli.md.
struct KeyInfo
{
  std::string_view name;        // as in config.toml, e.g. "safety" or "static.min_confidence"
  std::string_view env;         // e.g. "CARO_SAFETY"
  std::string_view allowed;     // e.g. "strict|moderate|permissive", "0..1"
  std::string_view description; // one line
};
const std::vector<KeyInfo>& keys();
const KeyInfo* find_key(std::string_view name);

// $XDG_CONFIG_HOME/caro/config.toml, or ~/.config/caro/config.toml.
std::string default_config_path(const EnvLookup& env);

struct Resolved
{
  Settings settings;
  std::map<std::string, Source, std::less<>> sources; // key name -> where its value came from
  std::vector<std::string> warnings;                  // unknown keys and the like
  std::string file_path;                              // the config file consulted
  bool file_exists = false;
};

// Loads the config file (a missing file is fine; a malformed one is an error
// naming the file, line and key) and then applies the CARO_* environment.
// `explicit_path` is --config; an explicitly named file must exist.
Expected<Resolved> resolve(const std::optional<std::string>& explicit_path, const EnvLookup& env);

// Applies one value given as text to `resolved`, recording `source`. The
// error names the key and the values it accepts.
Expected<void> apply(Resolved& resolved, std::string_view key, std::string_view value, Source source);

// The current value of a key as text (as `config get` prints it); "" when unset.
std::string value_as_text(const Settings& settings, std::string_view key);

// Sets a key in the config file, keeping the rest of the file (comments
// included) as it is; writes atomically; creates the file and its directory
// when missing. Validates the value first, so a bad value changes nothing.
Expected<void> set_in_file(const std::string& path, std::string_view key, std::string_view value);

} // namespace caro::config
