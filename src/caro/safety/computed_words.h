#pragma once

// Command words whose value the script itself shows, though only the shell
// computes it: `$(printf 'rm -rf /')` and `$(echo cm0gLXJmIC8= | base64 -d)`
// as the command (or as the code given to `sh -c` and eval, which is parsed
// again as a command), and `$a $b /` after `a=rm; b=-rf`. The validator
// checks what such a command would run.

#include "caro/safety/command_view.h"
#include "caro/safety/parser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::safety {

// The text a substitution prints when it is literal: echo of plain words
// (not -e), or printf of one format without directives, optionally piped
// through a base64 decoder. nullopt when the output is not shown.
std::optional<std::string> printed_text(const Substitution& substitution);

// Standard base64 (RFC 4648), '=' padding optional, whitespace ignored;
// nullopt for any other character.
std::optional<std::string> decode_base64(std::string_view text);

struct ComputedCommand
{
  // The command line as the shell would build it, when known. A newline
  // inside separates commands where the text is code (`sh -c "$(...)"`) and
  // words where it is the command itself: the caller checks both readings.
  std::optional<std::string> text;
  bool decodes_hidden_text = false; // the command word is the output of a decoder the script does not show
};

// Reads a simple command whose first word is computed: one substitution, or
// one variable with a single known value (`bindings`, innermost last).
// `text` is set only when the first word's value is known.
ComputedCommand read_computed_command(const Command& command, const std::vector<Binding>& bindings);

} // namespace caro::safety
