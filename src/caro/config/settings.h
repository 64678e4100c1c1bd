#pragma once

// caro's settings, where each one came from, and how they are resolved:
// flag > environment (CARO_*) > config file > default/detection.
//
// The config file is TOML; every key is listed in keys(), which is the single
// source of truth for the file, the CARO_* variables, `config show|get|set`
// and docs/config.md. Messages are complete sentences the front end prints
// as they are; choosing exit codes is the front end's job.

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
  std::string model = "smollm-135m";   // catalog id or path to a GGUF file
  double static_min_confidence = 0.6;  // the static matcher declines below this
  std::optional<int> embedded_threads; // unset: the idle physical cores
  std::string model_mirror;            // empty: HF_ENDPOINT, else https://huggingface.co
  bool telemetry = false;              // record generation timings locally (docs/telemetry.md)
  bool history = false;                // also keep request and command text for `caro history`
};

// "default", "file", "environment", "flag".
enum class Source { default_value, file, environment, flag };
std::string_view to_string(Source source);

// How a key's value is written in config.toml: a TOML string, a TOML number
// (an integer or a float; both are accepted when reading), a TOML integer, or
// a TOML boolean.
enum class ValueType { text, number, integer, boolean };

// One documented key. The table is the single source of truth for
// `config show|get|set`, the environment variables and docs/config.md.
struct KeyInfo
{
  std::string_view name;        // as in config.toml, e.g. "safety" or "static.min_confidence"
  std::string_view env;         // e.g. "CARO_SAFETY"
  std::string_view allowed;     // e.g. "strict|moderate|permissive", "0..1"
  std::string_view description; // one line
  ValueType type = ValueType::text;
};
// In documentation order: backend, safety, shell, platform, output, color,
// model, static.min_confidence, embedded.threads, model_mirror, telemetry,
// history.
const std::vector<KeyInfo>& keys();
// nullptr when `name` is not a key (names are case-sensitive).
const KeyInfo* find_key(std::string_view name);
// The known key closest to a misspelt `name` (edit distance at most 2, or the
// same last component, e.g. "min_confidence"); nullopt when none is close.
std::optional<std::string_view> closest_key(std::string_view name);

// $XDG_CONFIG_HOME/caro/config.toml when XDG_CONFIG_HOME is set to an absolute
// path, otherwise $HOME/.config/caro/config.toml (HOME from `env`; the
// password database only when HOME is unset or empty).
std::string default_config_path(const EnvLookup& env);

struct Resolved
{
  Settings settings;
  // Key name -> where its value came from; resolve() lists every key.
  std::map<std::string, Source, std::less<>> sources;
  std::vector<std::string> warnings; // unknown keys, "<file>:<line>: unknown key "x" (ignored)"
  std::string file_path;             // the config file consulted
  bool file_exists = false;
};

// Loads the config file and then applies the CARO_* environment (empty
// variables count as unset). A missing default file is fine; an explicitly
// named one (`explicit_path`, i.e. --config) must exist. A malformed file, a
// bad value or a value of the wrong TOML type is an Error naming the file and
// line ("<file>:<line>:<col>: ..."); a bad environment value names the
// variable ("CARO_SAFETY=loose: invalid value ..."). Unknown keys are warnings.
Expected<Resolved> resolve(const std::optional<std::string>& explicit_path, const EnvLookup& env);

// Applies one value given as text to `resolved`, recording `source` (the front
// end calls this with Source::flag for every setting flag). The error names
// the key and the values it accepts: invalid value "x" for key "safety":
// expected strict|moderate|permissive. Nothing changes on error.
Expected<void> apply(Resolved& resolved, std::string_view key, std::string_view value, Source source);

// The current value of a key as text (as `config get` prints it): enum values
// by their canonical spelling, numbers in their shortest exact form ("0.6");
// "" when unset (shell, platform, embedded.threads, model_mirror) or when
// `key` is not a key; booleans as "true"/"false".
std::string value_as_text(const Settings& settings, std::string_view key);

// Sets a key in the config file, keeping the rest of the file (comments and
// order included) byte for byte; writes atomically; creates the file and its
// directory when missing. Validates the key and the value first, and refuses
// to edit a malformed file, so an error changes nothing.
Expected<void> set_in_file(const std::string& path, std::string_view key, std::string_view value);

// The edit set_in_file makes, on text: returns the new file contents. `path`
// only names the file in messages. Exposed so the editing can be tested and
// previewed without touching the disk.
Expected<std::string> edit_config_text(std::string_view text, std::string_view path, std::string_view key,
                                       std::string_view value);

} // namespace caro::config
