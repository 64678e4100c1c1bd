// The zsh scripts printed by `caro init zsh` and `caro completion zsh`.
// They are kept as raw string literals so the binary needs no data files at
// run time and each script reads as plain zsh here.

#include "caro/cli/shell_integration_scripts.h"

namespace caro::cli::detail {

std::string_view zsh_init_script()
{
  return R"caro(# caro shell integration for zsh, printed by `caro init zsh`.
#
# Load it from ~/.zshrc:   eval "$(caro init zsh)"
#
# Key: Ctrl-G. Type a request in plain language on the command line, press
# Ctrl-G, and the line is replaced by the command caro generates for it. It is
# not run: review or edit it, then press Enter, and it enters your history like
# anything you type. When caro cannot help, the line is left as it was and
# caro's message is shown below it.
#
# CARO_BIN, when set, names the caro program to run instead of `command caro`.

_caro_widget() {
  emulate -L zsh
  local request=$BUFFER
  if [[ -z ${request//[[:space:]]/} ]]; then
    return 0
  fi
  # caro's messages go to a file and are shown with `zle -M`: text written
  # straight to the terminal would land in the middle of the edited line.
  local errfile
  errfile=$(mktemp "${TMPDIR:-/tmp}/caro-widget.XXXXXX") || return 1
  local generated
  local -i caro_status
  {
    # --prompt keeps a request such as "config files changed today" from being
    # read as a subcommand; stdout is not a terminal, so caro prints only the command.
    if [[ -n ${CARO_BIN:-} ]]; then
      generated=$("$CARO_BIN" --shell zsh --prompt="$request" </dev/null 2>"$errfile")
    else
      generated=$(command caro --shell zsh --prompt="$request" </dev/null 2>"$errfile")
    fi
    caro_status=$?
    if (( caro_status == 0 )) && [[ -n $generated ]]; then
      BUFFER=$generated
      CURSOR=${#BUFFER}
    fi
    if [[ -s $errfile ]]; then
      zle -M -- "$(<"$errfile")"
    fi
  } always {
    rm -f -- "$errfile"
  }
  return 0
}

zle -N _caro_widget
bindkey -M emacs '^G' _caro_widget
bindkey -M viins '^G' _caro_widget
)caro";
}

std::string_view zsh_completion_script()
{
  return R"caro(#compdef caro
# zsh completion for caro, printed by `caro completion zsh`.
#
# Load it from ~/.zshrc, after compinit:   eval "$(caro completion zsh)"
# or save it as _caro in a directory on $fpath (before compinit runs).

# A model: a catalog id (model_catalog.cpp) or a GGUF file.
_caro_model_ids_or_files() {
  _alternative \
    'ids:catalog model:(smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b)' \
    'files:GGUF file:_files -g "*.gguf(-.)"'
}

_caro() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args

  _arguments -C -s -S -A "-*" \
    '(-b --backend)'{-b+,--backend=}'[how to generate the command]:backend:(auto static embedded remote)' \
    '(-s --shell)'{-s+,--shell=}'[shell the command is written for]:shell:(bash zsh fish sh)' \
    '--platform=[dialect of the core utilities]:platform:(gnu bsd busybox)' \
    '--safety=[how strictly risky commands are blocked]:safety mode:(strict moderate permissive)' \
    '(-o --output)'{-o+,--output=}'[output format]:format:(plain json)' \
    '--model=[the embedded backend model: a catalog id or a .gguf file]:model:_caro_model_ids_or_files' \
    '(-x --execute)'{-x,--execute}'[run the command after confirmation]' \
    '(-y --yes)'{-y,--yes}'[do not ask for confirmation]' \
    '--dry-run[show what would run without running it]' \
    '--explain[explain the generated command]' \
    '(-v --verbose -q --quiet)'{-v,--verbose}'[print more detail]' \
    '(-v --verbose -q --quiet)'{-q,--quiet}'[print only the command]' \
    '--config=[configuration file to use]:config file:_files' \
    '--no-color[do not colour the output]' \
    '(-p --prompt)'{-p+,--prompt=}'[the request, as one argument]:request: ' \
    '(- *)'{-h,--help}'[show help and exit]' \
    '(- *)--version[show the version and exit]' \
    '1: :->first' \
    '*:: :->rest' && ret=0

  case $state in
    first)
      local -a subcommands
      subcommands=(
        'validate:assess the risk of a command you wrote'
        'config:show or change the configuration'
        'model:list, download, remove or check the embedded backend models'
        'doctor:check the installation and environment'
        'stats:show the latencies telemetry recorded'
        'history:list past requests and commands (when history is on)'
        'init:print the key binding script for a shell'
        'completion:print the completion script for a shell'
      )
      _describe -t subcommands 'subcommand (or type a request)' subcommands && ret=0
      ;;
    rest)
      case $words[1] in
        init|completion)
          _arguments '(- *)'{-h,--help}'[show help and exit]' '1:shell:(bash zsh fish)' && ret=0
          ;;
        config)
          _arguments -C '(- *)'{-h,--help}'[show help and exit]' \
            '1:action:(show get set path)' '*:: :->config_args' && ret=0
          if [[ $state == config_args ]]; then
            local -a keys
            keys=(backend safety shell platform output color model static.min_confidence embedded.threads model_mirror telemetry history)
            case $words[1] in
              get)
                (( CURRENT == 2 )) && _describe -t keys 'key' keys && ret=0
                ;;
              set)
                if (( CURRENT == 2 )); then
                  _describe -t keys 'key' keys && ret=0
                elif (( CURRENT == 3 )); then
                  case $words[2] in
                    backend) _values 'backend' auto static embedded remote && ret=0 ;;
                    safety) _values 'safety mode' strict moderate permissive && ret=0 ;;
                    shell) _values 'shell' bash zsh fish sh && ret=0 ;;
                    platform) _values 'platform' gnu bsd busybox && ret=0 ;;
                    output) _values 'format' plain json && ret=0 ;;
                    color) _values 'colour' auto always never && ret=0 ;;
                    *) _message 'value' ;;
                  esac
                fi
                ;;
            esac
          fi
          ;;
        model)
          local -a actions
          actions=(
            'list:list the catalog models and which are downloaded'
            'pull:download a model'
            'rm:delete a downloaded model'
            'info:show a model'"'"'s metadata'
            'path:print a model'"'"'s file path'
            'verify:check a model'"'"'s sha256'
          )
          _arguments -C '(- *)'{-h,--help}'[show help and exit]' \
            '1: :->model_action' '*:: :->model_args' && ret=0
          case $state in
            model_action)
              _describe -t actions 'action' actions && ret=0
              ;;
            model_args)
              if (( CURRENT == 2 )); then
                case $words[1] in
                  pull|rm) _values 'catalog model' smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b && ret=0 ;;
                  info|path|verify) _caro_model_ids_or_files && ret=0 ;;
                esac
              fi
              ;;
          esac
          ;;
        validate)
          # After "--" comes the command to check: complete it as a command line.
          local -i separator=${words[(i)--]}
          if (( separator < CURRENT )); then
            words=("${(@)words[separator+1,-1]}")
            (( CURRENT -= separator ))
            _normal && ret=0
            return ret
          fi
          _arguments -S \
            '(-o --output)'{-o+,--output=}'[output format]:format:(plain json)' \
            '--platform=[dialect of the core utilities]:platform:(gnu bsd busybox)' \
            '--safety=[how strictly risky commands are blocked]:safety mode:(strict moderate permissive)' \
            '(- *)'{-h,--help}'[show help and exit]' \
            '*:: :_normal' && ret=0
          ;;
        doctor)
          _arguments '(- *)'{-h,--help}'[show help and exit]' && ret=0
          ;;
        stats)
          _arguments '(- *)'{-h,--help}'[show help and exit]' '--since=[period]:period:(30m 24h 7d all)' \
            '--format=[output format]:format:(table json prometheus)' '--clear[delete every record]' && ret=0
          ;;
        history)
          _arguments '(- *)'{-h,--help}'[show help and exit]' '--limit=[entries]:count:' \
            '--clear[delete the history]' && ret=0
          ;;
      esac
      ;;
  esac
  return ret
}

# Autoloaded from $fpath the file body runs as _caro; sourced, it registers itself.
if [[ $funcstack[1] == _caro ]]; then
  _caro "$@"
else
  compdef _caro caro
fi
)caro";
}

} // namespace caro::cli::detail
