// The bash scripts printed by `caro init bash` and `caro completion bash`.
// They are kept as raw string literals so the binary needs no data files at
// run time and each script reads as plain bash here.

#include "caro/cli/shell_integration_scripts.h"

namespace caro::cli::detail {

std::string_view bash_init_script()
{
  return R"caro(# caro shell integration for bash, printed by `caro init bash`.
#
# Load it from ~/.bashrc:   eval "$(caro init bash)"
#
# Key: Ctrl-G. Type a request in plain language on the command line, press
# Ctrl-G, and the line is replaced by the command caro generates for it. It is
# not run: review or edit it, then press Enter, and it enters your history like
# anything you type. When caro cannot help, the line is left as it was and
# caro's message is shown.
#
# CARO_BIN, when set, names the caro program to run instead of `command caro`.

_caro_widget() {
  local request="$READLINE_LINE"
  if [[ -z "${request//[[:space:]]/}" ]]; then
    return 0
  fi
  local generated
  local status
  # --prompt keeps a request such as "config files changed today" from being
  # read as a subcommand; stdout is not a terminal, so caro prints only the command.
  if [[ -n "${CARO_BIN:-}" ]]; then
    generated="$("$CARO_BIN" --shell bash --prompt="$request" </dev/null)"
  else
    generated="$(command caro --shell bash --prompt="$request" </dev/null)"
  fi
  status=$?
  if [[ $status -eq 0 && -n "$generated" ]]; then
    READLINE_LINE="$generated"
    READLINE_POINT=${#READLINE_LINE}
  fi
  return 0
}

# Line editing exists only in interactive shells; binding elsewhere only warns.
if [[ $- == *i* ]]; then
  bind -m emacs -x '"\C-g": _caro_widget'
  bind -m vi-insert -x '"\C-g": _caro_widget'
fi
)caro";
}

std::string_view bash_completion_script()
{
  return R"caro(# bash completion for caro, printed by `caro completion bash`.
#
# Load it from ~/.bashrc:   eval "$(caro completion bash)"
# or save it as ~/.local/share/bash-completion/completions/caro.
#
# Self-contained: it does not need the bash-completion package.

_caro_config_values() {
  case "$1" in
    backend) printf '%s\n' auto static embedded remote ;;
    safety) printf '%s\n' strict moderate permissive ;;
    shell) printf '%s\n' bash zsh fish sh ;;
    platform) printf '%s\n' gnu bsd busybox ;;
    output) printf '%s\n' plain json ;;
    color) printf '%s\n' auto always never ;;
  esac
}

# Catalog ids (model_catalog.cpp), GGUF files and directories to reach them.
_caro_model_ids_or_files() {
  local cur="$1"
  COMPREPLY=($(compgen -W "smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b" -- "$cur")
    $(compgen -f -X '!*.gguf' -- "$cur") $(compgen -d -- "$cur"))
  # Directories get a trailing slash; outside a completion run compopt only complains.
  compopt -o filenames 2>/dev/null
}

_caro() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local prev=""
  if (( COMP_CWORD > 0 )); then
    prev="${COMP_WORDS[COMP_CWORD-1]}"
  fi
  # With '=' in COMP_WORDBREAKS, "--backend=st" arrives as "--backend" "=" "st".
  if [[ "$cur" == "=" ]]; then
    cur=""
  elif [[ "$prev" == "=" ]] && (( COMP_CWORD > 1 )); then
    prev="${COMP_WORDS[COMP_CWORD-2]}"
  fi
  COMPREPLY=()

  # Values of options that take one.
  local values=""
  case "$prev" in
    -b|--backend) values="auto static embedded remote" ;;
    -s|--shell) values="bash zsh fish sh" ;;
    --platform) values="gnu bsd busybox" ;;
    --safety) values="strict moderate permissive" ;;
    -o|--output) values="plain json" ;;
    --config)
      COMPREPLY=($(compgen -f -- "$cur"))
      return 0
      ;;
    --model)
      _caro_model_ids_or_files "$cur"
      return 0
      ;;
    -p|--prompt) return 0 ;;
  esac
  if [[ -n "$values" ]]; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
    return 0
  fi

  # Find the subcommand and the words after it, skipping options and their values.
  local subcommand=""
  local -a args=()
  local i word
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="${COMP_WORDS[i]}"
    if [[ -n "$subcommand" ]]; then
      args+=("$word")
      continue
    fi
    case "$word" in
      -b|--backend|-s|--shell|--platform|--safety|-o|--output|--model|--config|-p|--prompt)
        (( i++ ))
        if [[ "${COMP_WORDS[i]}" == "=" ]]; then
          (( i++ ))
        fi
        ;;
      -*) ;;
      validate|config|model|doctor|stats|history|init|completion) subcommand="$word" ;;
      *) subcommand="request" ;;
    esac
  done

  case "$subcommand" in
    ""|request)
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-b --backend -s --shell --platform --safety -o --output --model -x --execute -y --yes --dry-run --explain -v --verbose -q --quiet --config --no-color -p --prompt -h --help --version" -- "$cur"))
      elif [[ -z "$subcommand" ]]; then
        COMPREPLY=($(compgen -W "validate config model doctor stats history init completion" -- "$cur"))
      fi
      ;;
    init|completion)
      if (( ${#args[@]} == 0 )); then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
      fi
      ;;
    config)
      if (( ${#args[@]} == 0 )); then
        COMPREPLY=($(compgen -W "show get set path" -- "$cur"))
      elif (( ${#args[@]} == 1 )) && [[ "${args[0]}" == get || "${args[0]}" == set ]]; then
        COMPREPLY=($(compgen -W "backend safety shell platform output color model static.min_confidence embedded.threads model_mirror telemetry history" -- "$cur"))
      elif (( ${#args[@]} == 2 )) && [[ "${args[0]}" == set ]]; then
        COMPREPLY=($(compgen -W "$(_caro_config_values "${args[1]}")" -- "$cur"))
      fi
      ;;
    model)
      if (( ${#args[@]} == 0 )); then
        COMPREPLY=($(compgen -W "list pull rm info path verify" -- "$cur"))
      elif (( ${#args[@]} == 1 )); then
        case "${args[0]}" in
          pull|rm) COMPREPLY=($(compgen -W "smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b" -- "$cur")) ;;
          info|path|verify) _caro_model_ids_or_files "$cur" ;;
        esac
      fi
      ;;
    validate)
      # After "--" comes the command to check: a program name, then files.
      local after_separator=-1
      for word in "${args[@]}"; do
        if (( after_separator >= 0 )); then
          (( after_separator++ ))
        elif [[ "$word" == "--" ]]; then
          after_separator=0
        fi
      done
      if (( after_separator == 0 )); then
        COMPREPLY=($(compgen -c -- "$cur"))
      elif (( after_separator > 0 )); then
        COMPREPLY=($(compgen -f -- "$cur"))
      elif [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-o --output --platform --safety -h --help --" -- "$cur"))
      fi
      ;;
    doctor)
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
      fi
      ;;
  esac
  return 0
}

complete -F _caro caro
)caro";
}

} // namespace caro::cli::detail
