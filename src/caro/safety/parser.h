#pragma once

// Parses command text with the tree-sitter bash grammar and reduces the tree
// to what the validator checks: pipelines of commands, wherever they occur
// (lists, subshells, groups, function bodies, if/while/for/case bodies,
// command and process substitutions, here-document bodies). Compound
// statements become groups holding every command inside them, with their
// words (for lists, case subjects, test operands) as a header command, so
// substitutions there are checked too. Spans are byte offsets into the
// original text. A tree with ERROR or MISSING nodes still yields what parsed,
// plus a problem.

#include "caro/safety/bash_tree.h"
#include "caro/safety/lexer.h"

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace caro::safety {

struct Pipeline;

struct Command
{
  enum class Kind {
    simple,
    subshell,            // ( ... )
    group,               // { ...; }, and if/while/for/case/[[ ]] flattened
    function_definition, // name() body; `function_name` and `body` are set
    compound_end         // kept for compatibility; the tree-sitter parser attaches such redirections to the group
  };

  Kind kind = Kind::simple;
  std::vector<const Word*> assignments; // leading NAME=value words
  std::vector<const Word*> words;       // argv (simple commands)
  std::vector<const Token*> redirects;
  std::vector<Pipeline> body; // subshell, group, function definition
  std::string function_name;
  // A for/select loop (a group): its variable and the words it takes in turn.
  std::string loop_variable;
  std::vector<const Word*> loop_values;
  Span span;
};

struct Pipeline
{
  std::vector<Command> commands;
  bool background = false; // followed by &
  Span span;
  std::string separator; // the operator after it: "&&", "||", ";", "&", "\n", or "" at the end
};

struct Script
{
  std::vector<Pipeline> pipelines;
  std::deque<Token> storage; // the words and redirections the commands point at (stable addresses)

  Script() = default;
  Script(Script&&) = default;
  Script& operator=(Script&&) = default;
  Script(const Script&) = delete; // commands point into storage
  Script& operator=(const Script&) = delete;
};

struct ParseResult
{
  Script script;
  std::optional<ParseProblem> problem; // the first problem; the script holds what was understood
};

// Parses `text`; spans go through `map`. `depth` is the nesting level of the
// text itself (a string re-checked from `bash -c` is one level down).
ParseResult parse(BashParser& parser, std::string_view text, const SpanMap& map = {}, int depth = 0);
// The same with a parser of its own (tests, one-off checks).
ParseResult parse(std::string_view text, const SpanMap& map = {}, int depth = 0);

// The two ways parse() reads text: plain commands (only plain words and
// | && || ; between them) without the grammar, nullopt for anything else;
// and always with the grammar. parse() uses the first that applies; both
// must give the same Script (tests and the fuzz target compare them).
std::optional<Script> parse_plain(std::string_view text, const SpanMap& map = {});
ParseResult parse_with_grammar(BashParser& parser, std::string_view text, const SpanMap& map = {}, int depth = 0);

// The words, redirections and operators of a parsed command, in source
// order, nested commands included (for tests and token-level scans).
struct LexResult
{
  std::vector<Token> tokens;
  std::optional<ParseProblem> problem;
};
LexResult lex(std::string_view text, const SpanMap& map = {}, int depth = 0);

// The tokens of a script's own commands, separated by their operators;
// substitutions are kept in the words but not expanded into the list.
std::vector<Token> flatten(const Script& script);

// True when `word` is a NAME=value assignment.
bool is_assignment(const Word& word);

} // namespace caro::safety
