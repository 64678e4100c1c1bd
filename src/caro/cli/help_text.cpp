#include "caro/cli/help_text.h"

namespace caro::cli {

std::string_view help_text()
{
  return R"(caro - turn a request in plain language into one safe shell command

Usage:
  caro [OPTIONS] <REQUEST...>        generate a command (words are joined with spaces)
  caro [OPTIONS] -p <REQUEST>        the same, with the request as one argument
  echo <REQUEST> | caro [OPTIONS]    the same, with the request read from stdin
  caro validate [-o json] [--platform P] -- <COMMAND...>
                                     rate a command with the safety validator
  caro config show|path              show the settings and where they came from, or the file's path
  caro config get <KEY>              print one setting
  caro config set <KEY> <VALUE>      change a setting in the config file
  caro model list                    list the catalog models, which are downloaded, and where
  caro model pull [ID]               download a model (default: the configured one)
  caro model rm <ID>                 delete a downloaded model
  caro model info|path|verify [ID|PATH]
                                     show a model's metadata, its file path, or check its sha256
  caro doctor                        show what was detected, usable backends and downloaded models
  caro stats [--since 7d|24h|30m|all] [--format table|json|prometheus] [--clear]
                                     latency statistics from opt-in local telemetry
  caro history [--limit N] [--clear] past requests and commands (when history is on)
  caro init bash|zsh|fish            print a shell integration (Ctrl-G turns the line into a command)
  caro completion bash|zsh|fish      print a completion script

Options:
  -b, --backend auto|static|embedded|remote
                            which backend answers (default: auto, static first)
  -s, --shell bash|zsh|fish|sh
                            the shell the command is for and runs in (default: from $SHELL)
      --platform gnu|bsd|busybox
                            the utilities' dialect (default: detected)
      --safety strict|moderate|permissive
                            what to block and what to confirm (default: moderate)
  -o, --output plain|json   output format (default: plain)
      --model ID|PATH       the embedded backend's model: a catalog id or a .gguf file
  -x, --execute             run the command (asks first unless the risk allows otherwise)
  -y, --yes                 with -x, run safe and moderate commands without asking
      --dry-run             never run anything, even with -x
      --explain             explain the command and its risks, then stop
  -v, --verbose             show detection, backends tried and stage timings on stderr
  -q, --quiet               print only the command
      --config FILE         read settings from FILE instead of the default config file
      --no-color            no colours (NO_COLOR is honoured too)
  -p, --prompt TEXT         the request, as one argument
  -h, --help                show this help
      --version             show version, git hash and build type

Exit status:
  0  success          1  blocked, or not run because the user declined
  2  usage or configuration error          3  no command could be generated
  When caro runs the command, it exits with the command's own status.

On a terminal caro shows the command with its risk and asks before running it.
When stdout is not a terminal it prints only the command, so $(caro ...) works.
Settings: flags > environment (CARO_BACKEND, CARO_SAFETY, ...) > config file.
Telemetry is off unless you turn it on: `caro config set telemetry true`.
See docs/cli.md, docs/config.md, docs/models.md and docs/telemetry.md.
)";
}

} // namespace caro::cli
