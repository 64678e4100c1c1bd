#pragma once

// The parsed command line: which subcommand, which options, the request words.
// Parsing knows nothing about config files or the environment; settings are
// resolved afterwards (flag > environment > file > default).

#include "caro/util/expected.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace caro::cli {

enum class Subcommand { generate, validate, config, model, doctor, stats, history, init, completion, help, version };

struct Options
{
  Subcommand subcommand = Subcommand::generate;

  // Settings given as flags, as (config key, text value) pairs in the order given.
  std::vector<std::pair<std::string, std::string>> setting_flags;

  std::vector<std::string> words;    // request words, or the command for `validate`
  std::optional<std::string> prompt; // -p/--prompt
  std::optional<std::string> config_file;
  bool execute = false;
  bool yes = false;
  bool dry_run = false;
  bool explain = false;
  bool verbose = false;
  bool quiet = false;
  bool no_color = false;

  // `config ACTION [KEY [VALUE]]`, `model ACTION [ARG]`, `init SHELL`, `completion SHELL`.
  std::string action;
  std::vector<std::string> action_args;

  // `stats [--since P] [--format F] [--clear]`, `history [--limit N] [--clear]`.
  std::string since = "all";
  std::optional<std::string> format; // unset: table, or json with -o json
  std::size_t limit = 20;            // 0: all
  bool clear = false;
};

// An Error here is a usage error (exit 2); its message is printed as-is.
Expected<Options> parse_options(int argc, const char* const* argv);

} // namespace caro::cli
