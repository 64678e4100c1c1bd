#pragma once

// Splits lexed tokens into pipelines of simple commands, subshells, groups and
// function definitions. Compound statements (if/while/for/case...) are
// flattened: their reserved words are skipped so that every command inside
// them is checked, which is all the validator needs. Commands point into the
// token list, which must outlive the script.

#include "caro/safety/lexer.h"

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
    group,               // { ...; } and case ... esac
    function_definition, // name() body; `function_name` and `body` are set
    compound_end         // fi / done / esac with the redirections that follow them
  };

  Kind kind = Kind::simple;
  std::vector<const Word*> assignments; // leading NAME=value words
  std::vector<const Word*> words;       // argv (simple commands)
  std::vector<const Token*> redirects;
  std::vector<Pipeline> body; // subshell, group, function definition
  std::string function_name;
  Span span;
};

struct Pipeline
{
  std::vector<Command> commands;
  bool background = false; // followed by &
  Span span;
};

struct Script
{
  std::vector<Pipeline> pipelines;
};

struct ParseResult
{
  Script script;
  std::optional<ParseProblem> problem; // the first problem; the script holds what was understood
};

ParseResult parse(const std::vector<Token>& tokens, int depth = 0);

// True when `word` is a NAME=value assignment.
bool is_assignment(const Word& word);

} // namespace caro::safety
