#pragma once

// The validator's view of one command to check: its resolved program name,
// its arguments, and where it sits (redirections, pipeline neighbours,
// wrappers it ran under). Rules only ever look at a CommandView, so the same
// rule fires for `rm -rf /`, `sudo rm -rf /`, `find -exec rm` and `xargs rm`.
// Also the option parsing and program families the rules share.

#include "caro/safety/parser.h"
#include "caro/safety/target.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caro::safety {

// A shell variable whose values the script itself shows: a for loop's list
// (`for d in / ~; do ...`) or an earlier NAME=value in the same list.
// Expanding it may give any of them; the worst one counts.
struct Binding
{
  std::string name;
  std::vector<const Word*> values;
};

struct CommandView
{
  const Command* command = nullptr; // the command the words come from
  std::string name;                 // resolved program name: "rm" for /bin/rm, \rm, "rm", 'r'm
  const Word* name_word = nullptr;
  std::vector<const Word*> args; // arguments after the name
  Span span;                     // what a finding about this command points at

  bool owns_redirects = true;   // the command's redirections apply to this view
  bool args_from_stdin = false; // xargs: more arguments arrive on stdin
  bool found_files = false;     // find -exec: {} stands for the files found

  const std::vector<CommandView>* pipeline = nullptr; // resolved stages of the enclosing pipeline
  std::size_t stage = 0;                              // this view's index in it
  bool function_called = false; // function definitions: the function is called later in the script
  // Where an earlier `cd` in the same list moved to (`cd / && rm -rf *`);
  // plain when unknown or not protected.
  TargetClass working_directory = TargetClass::plain;
  const std::vector<Binding>* bindings = nullptr; // variables known at this point (innermost last)
};

// The view of a command as written: its name and arguments, nothing known
// about its surroundings yet.
CommandView plain_view(const Command& command);

// echo's own options: -n, -e and -E in any grouping, before the first other
// word. `operands` are the words it prints.
struct EchoOptions
{
  std::span<const Word* const> operands;
  bool escapes = false; // -e: backslash escapes are decoded
  bool newline = true;  // no -n: a newline ends the output
};
EchoOptions parse_echo(std::span<const Word* const> args);

// What printf prints for a lone format without directives: the text with \n
// and \t decoded. nullopt for a directive (%) or any other escape.
std::optional<std::string> printf_literal(std::string_view format);

// classify_target, also reading every known value of the word's variables:
// `rm -rf $d` inside `for d in /` targets the root. The plain reading (an
// unknown variable) always counts too, so knowing values never lowers a class.
TargetClass classify_in_view(const CommandView& view, const Word& word, std::size_t from = 0);

// The words xargs reads from stdin when the script shows them: a here-string
// or here-document on the xargs command, or the text of an `echo` or `printf`
// stage before it. Each is one argument (split at blanks; a word holding
// expansions stays whole so its expansions are still seen). nullopt when the
// input is unknown (a file, another program, -a FILE, text xargs would unquote).
std::optional<std::vector<Word>> stdin_words(const CommandView& view);

// A target class seen from the view's working directory: "everything here"
// after `cd /` is the root.
TargetClass from_working_directory(TargetClass target, const CommandView& view);

// The program a word names: quotes are already gone, a path is cut to its
// last component. A word that is only an expansion ("$CMD") keeps its text.
std::string command_name(const Word& word);

// A view of the command `words[first]` with arguments words[first+1..]
// that inherits everything else from `outer`.
CommandView inner_view(const CommandView& outer, std::span<const Word* const> words, std::size_t first);

struct Options
{
  std::string short_flags;                                 // every short option letter, in order (-rf -> "rf")
  std::vector<std::string> long_options;                   // names without dashes or =value (--force -> "force")
  std::vector<std::pair<std::string, const Word*>> values; // option name -> its value word
  std::vector<const Word*> operands;
  std::vector<std::size_t> operand_indices; // index of each operand in the argument list

  bool has(char flag) const;
  bool has(std::string_view long_name) const;
  // The value of an option given by short or long name; nullptr when absent.
  const Word* value(std::string_view name) const;
};

// getopt-style splitting (GNU permutation: options may follow operands; `--`
// ends options). Short options listed in `short_with_value` take the rest of
// their cluster or the next word; long options in `long_with_value` take
// `=value` or the next word. With `stop_at_operand`, everything from the first
// operand on is an operand (for wrappers: the inner command's own options).
Options parse_options(std::span<const Word* const> args, std::string_view short_with_value = {},
                      std::span<const std::string_view> long_with_value = {}, bool stop_at_operand = false);

// base64 -d, xxd -r, openssl -d, uudecode, rev: the stage turns text the
// reader cannot read into text a shell could run.
bool decodes_hidden_text(const CommandView& stage);

bool is_shell(std::string_view name);
bool is_interpreter(std::string_view name); // shells, python, perl, ruby, node, php...
bool is_downloader(std::string_view name);

// True when an interpreter view would read its program from stdin
// (`sh`, `bash -s`, `python3 -`), not from -c, -e, -m or a script file.
bool reads_program_from_stdin(const CommandView& view);

// The stages before this one in its pipeline (empty when not piped).
std::span<const CommandView> upstream(const CommandView& view);

// Whether the redirection writes to its target (not an fd duplication like 2>&1).
bool redirect_writes(const Token& redirect);

// Something a command writes to: a redirection target, a tee file, a cp/mv
// destination, dd's of=.
struct WriteTarget
{
  const Word* word = nullptr;
  std::size_t from = 0; // where the path starts in the word's text
  Span span;
};
std::vector<WriteTarget> write_targets(const CommandView& view);

// Whether any stage of a lexed nested command runs a downloader (curl, wget...).
bool tokens_run_downloader(const std::vector<Token>& tokens);

} // namespace caro::safety
