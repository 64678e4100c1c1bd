#pragma once

// Turning a model's free-form answer into one shell command. Small models
// ignore format instructions often enough that the answer may be wrapped in a
// code fence, in backticks, behind a "$ " prompt or a "Command:" label, or
// surrounded by prose; all of that is stripped. An answer with no command in
// it (an apology, an explanation) is declined rather than guessed at. The
// command itself is not judged here: the safety validator does that.

#include <string>
#include <string_view>

namespace caro::backends {

struct ParsedResponse
{
  std::string command;         // empty when declined
  std::string declined_reason; // why no command was found
  bool has_command() const { return !command.empty(); }
};

ParsedResponse parse_response(std::string_view raw);

// Whether one line reads as English prose rather than a command: starts with a
// capitalised or common English word and reads like a sentence.
bool looks_like_prose(std::string_view line);

} // namespace caro::backends
