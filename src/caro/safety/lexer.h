#pragma once

// Shell words as the validator sees them. The structure of a command comes
// from the tree-sitter bash grammar (parser.h); this file turns the source
// text of one word node into its normalised text: quotes and escapes removed
// ('r'm, \rm and "rm" all read rm), ANSI-C $'...' decoded, expansions recorded
// with their position, unquoted globs and variables flagged. Command and
// process substitutions inside the word were already parsed by the grammar;
// their ranges are passed in and kept verbatim in the text.

#include "caro/safety/assessment.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caro::safety {

// Deepest nesting of substitutions, groups and re-checked strings before the
// validator gives up and rates the command high.
inline constexpr int k_max_nesting = 16;

// Maps offsets in the text being parsed to offsets in the original command:
// either a shift (the text is a slice of the original) or a collapse onto one
// span (the text was rebuilt, e.g. the unquoted string of `bash -c '...'`).
struct SpanMap
{
  std::size_t base = 0;
  std::optional<Span> whole;

  Span map(std::size_t begin, std::size_t end) const;
  // The map for a slice of the current text starting at `offset`.
  SpanMap slice(std::size_t offset) const;
  bool exact() const { return !whole.has_value(); }
};

// A parameter expansion ($HOME, ${x}, $1, ~, $(...)) found in a word.
struct Expansion
{
  std::size_t offset = 0; // where its source text starts in Word::text
  std::size_t length = 0; // length of that source text
  std::string name;       // "HOME", "x", "1", "~" (tilde), "$(" (command substitution), or the ${...} body
  bool quoted = false;    // inside double quotes
};

struct Token;
struct Script;

enum class SubstitutionKind { command, backtick, process_input, process_output };

struct Substitution
{
  SubstitutionKind kind = SubstitutionKind::command;
  Span span;
  std::vector<Token> tokens;            // the nested command's words and operators, in order (no deeper nesting)
  std::shared_ptr<const Script> script; // the nested command, parsed; null when nested too deeply
};

struct Word
{
  // Quotes and escapes removed; expansions kept in their source form
  // ("$HOME", "$(date)") so the text can be parsed again as shell code.
  std::string text;
  Span span;
  bool span_exact = true; // false when the span collapsed onto an outer word
  bool quoted = false;    // some part was quoted or escaped
  bool unquoted_variable = false;
  bool unquoted_glob = false;
  std::vector<Expansion> expansions;
  std::vector<Substitution> substitutions;
};

enum class TokenKind { word, op, redirect };

struct Token
{
  TokenKind kind = TokenKind::word;
  std::string op; // operator ("|", "&&", "\n"...) or redirection ("2>", ">>", "<<", "&>"...)
  Word word;      // the word, or the redirection target (here-document: its delimiter)
  std::string heredoc_body;
  Span span;
};

struct ParseProblem
{
  std::string rule_id; // "parse.error", "parse.too-deep"
  std::string message;
  Span span;
};

// A substitution inside a word, as byte offsets into the text: its source is
// copied into the word's text as is (the grammar parses what is inside).
struct SubstitutionRange
{
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Normalises text[begin, end) as one shell word. `substitutions` are the
// command/process substitutions inside it, in order. Never fails: text the
// grammar rejected is read leniently (an unclosed quote runs to the end).
Word read_word(std::string_view text, std::size_t begin, std::size_t end, const SpanMap& map,
               std::span<const SubstitutionRange> substitutions = {});

// A character of a shell variable name: letter, digit or '_'.
bool is_name_char(char c);

// True for an operator token with exactly this text.
bool is_op(const Token& token, std::string_view op);
// True for an unquoted word token with exactly this text (reserved words).
bool is_keyword(const Token& token, std::string_view keyword);

} // namespace caro::safety
