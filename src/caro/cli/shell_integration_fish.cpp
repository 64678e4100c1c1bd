// The fish scripts printed by `caro init fish` and `caro completion fish`.
// They are kept as raw string literals so the binary needs no data files at
// run time and each script reads as plain fish here.

#include "caro/cli/shell_integration_scripts.h"

namespace caro::cli::detail {

std::string_view fish_init_script()
{
  return R"caro(# caro shell integration for fish, printed by `caro init fish`.
#
# Load it from ~/.config/fish/config.fish:   caro init fish | source
#
# Key: Ctrl-G. Type a request in plain language on the command line, press
# Ctrl-G, and the line is replaced by the command caro generates for it. It is
# not run: review or edit it, then press Enter, and it enters your history like
# anything you type. When caro cannot help, the line is left as it was and
# caro's message is shown below it.
#
# CARO_BIN, when set, names the caro program to run instead of `command caro`.

function _caro_widget --description 'Replace the command line with the command caro generates for it'
    set -l request (commandline | string collect)
    if test -z (string trim -- "$request" | string collect)
        return 0
    end
    # caro's messages go to a file first: written straight to the terminal
    # they would land in the middle of the edited line.
    set -l tmpdir /tmp
    if set -q TMPDIR[1]; and test -n "$TMPDIR"
        set tmpdir $TMPDIR
    end
    set -l errfile (mktemp "$tmpdir/caro-widget.XXXXXX")
    or return 1
    set -l generated
    # --prompt keeps a request such as "config files changed today" from being
    # read as a subcommand; stdout is not a terminal, so caro prints only the command.
    if set -q CARO_BIN[1]; and test -n "$CARO_BIN"
        set generated ($CARO_BIN --shell fish --prompt=$request </dev/null 2>$errfile | string collect)
    else
        set generated (command caro --shell fish --prompt=$request </dev/null 2>$errfile | string collect)
    end
    set -l caro_status $pipestatus[1]
    if test $caro_status -eq 0; and test -n "$generated"
        commandline --replace -- $generated
        commandline --cursor (string length -- $generated)
    end
    if test -s $errfile
        echo >&2
        cat $errfile >&2
    end
    rm -f -- $errfile
    commandline --function repaint
end

bind \cg _caro_widget
if bind -M insert >/dev/null 2>&1
    bind -M insert \cg _caro_widget
end
)caro";
}

std::string_view fish_completion_script()
{
  return R"caro(# fish completion for caro, printed by `caro completion fish`.
#
# Load it from ~/.config/fish/config.fish:   caro completion fish | source
# or save it as ~/.config/fish/completions/caro.fish.

# The words typed after the subcommand, options and their values left out.
function __caro_subcommand_args
    set -l words (commandline --tokenize --cut-at-cursor)
    set -e words[1]
    set -l seen_subcommand 0
    set -l skip_value 0
    for word in $words
        if test $skip_value -eq 1
            set skip_value 0
        else if test $seen_subcommand -eq 1
            echo -- $word
        else
            switch $word
                case -b --backend -s --shell --platform --safety -o --output --model --config -p --prompt
                    set skip_value 1
                case '-*'
                case '*'
                    set seen_subcommand 1
                    echo -- $word
            end
        end
    end
end

# True before the subcommand (or the request) has been typed.
function __caro_no_subcommand
    set -l args (__caro_subcommand_args)
    test (count $args) -eq 0
end

# True when the words so far are subcommand $argv[1] and then the words in
# $argv[2..], where "*" stands for any word.
function __caro_after
    set -l args (__caro_subcommand_args)
    test (count $args) -eq (count $argv); or return 1
    for i in (seq (count $argv))
        if test "$argv[$i]" != '*'; and test "$argv[$i]" != "$args[$i]"
            return 1
        end
    end
end

# True after `caro validate ... --`, where the command to check is typed.
function __caro_validate_command
    set -l args (__caro_subcommand_args)
    test "$args[1]" = validate; and contains -- -- $args
end

# Directories and .gguf files matching the word being completed, for a model.
# (__fish_complete_suffix also offers other files, only sorted after these.)
function __caro_gguf_files
    for candidate in (__fish_complete_path (commandline --current-token))
        set -l path (string split --max 1 \t -- $candidate)[1]
        if string match -q -- '*/' $path; or string match -q -- '*.gguf' $path
            echo -- $candidate
        end
    end
end

complete -c caro -f

# Options of the main command.
complete -c caro -s b -l backend -x -a 'auto static embedded remote' -d 'How to generate the command'
complete -c caro -s s -l shell -x -a 'bash zsh fish sh' -d 'Shell the command is written for'
complete -c caro -l platform -x -a 'gnu bsd busybox' -d 'Dialect of the core utilities'
complete -c caro -l safety -x -a 'strict moderate permissive' -d 'How strictly risky commands are blocked'
complete -c caro -s o -l output -x -a 'plain json' -d 'Output format'
complete -c caro -l model -x -a 'smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b (__caro_gguf_files)' \
    -d 'Model of the embedded backend: a catalog id or a .gguf file'
complete -c caro -s x -l execute -d 'Run the command after confirmation'
complete -c caro -s y -l yes -d 'Do not ask for confirmation'
complete -c caro -l dry-run -d 'Show what would run without running it'
complete -c caro -l explain -d 'Explain the generated command'
complete -c caro -s v -l verbose -d 'Print more detail'
complete -c caro -s q -l quiet -d 'Print only the command'
complete -c caro -l config -r -F -d 'Configuration file to use'
complete -c caro -l no-color -d 'Do not colour the output'
complete -c caro -s p -l prompt -x -d 'The request, as one argument'
complete -c caro -s h -l help -d 'Show help and exit'
complete -c caro -l version -d 'Show the version and exit'

# Subcommands, offered where the request would start.
complete -c caro -n __caro_no_subcommand -a validate -d 'Assess the risk of a command you wrote'
complete -c caro -n __caro_no_subcommand -a config -d 'Show or change the configuration'
complete -c caro -n __caro_no_subcommand -a model -d 'List, download, remove or check the embedded backend models'
complete -c caro -n __caro_no_subcommand -a doctor -d 'Check the installation and environment'
complete -c caro -n __caro_no_subcommand -a stats -d 'Show the latencies telemetry recorded'
complete -c caro -n __caro_no_subcommand -a history -d 'List past requests and commands'
complete -c caro -n __caro_no_subcommand -a init -d 'Print the key binding script for a shell'
complete -c caro -n __caro_no_subcommand -a completion -d 'Print the completion script for a shell'

# Their arguments.
complete -c caro -n '__caro_after init; or __caro_after completion' -a 'bash zsh fish'
complete -c caro -n '__caro_after config' -a 'show get set path'
complete -c caro -n '__caro_after config get; or __caro_after config set' \
    -a 'backend safety shell platform output color model static.min_confidence embedded.threads model_mirror telemetry history'
complete -c caro -n '__caro_after config set backend' -a 'auto static embedded remote'
complete -c caro -n '__caro_after config set safety' -a 'strict moderate permissive'
complete -c caro -n '__caro_after config set shell' -a 'bash zsh fish sh'
complete -c caro -n '__caro_after config set platform' -a 'gnu bsd busybox'
complete -c caro -n '__caro_after config set output' -a 'plain json'
complete -c caro -n '__caro_after config set color' -a 'auto always never'
complete -c caro -n '__caro_after model' -a list -d 'List the catalog models and which are downloaded'
complete -c caro -n '__caro_after model' -a pull -d 'Download a model'
complete -c caro -n '__caro_after model' -a rm -d 'Delete a downloaded model'
complete -c caro -n '__caro_after model' -a info -d "Show a model's metadata"
complete -c caro -n '__caro_after model' -a path -d "Print a model's file path"
complete -c caro -n '__caro_after model' -a verify -d "Check a model's sha256"
complete -c caro -n '__caro_after model pull; or __caro_after model rm' \
    -a 'smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b'
complete -c caro -n '__caro_after model info; or __caro_after model path; or __caro_after model verify' \
    -a 'smollm-135m qwen2.5-coder-0.5b qwen2.5-coder-1.5b (__caro_gguf_files)'
# After `validate --` comes a command line to check.
complete -c caro -n __caro_validate_command -F
)caro";
}

} // namespace caro::cli::detail
