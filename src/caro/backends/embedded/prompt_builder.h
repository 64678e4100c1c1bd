#pragma once

// The conversation the embedded model sees. Split in two on purpose:
//
// - the prefix (system text + few-shot examples) depends only on the stable
//   parts of the execution context (OS, shell, dialect, installed tools), so
//   its evaluated state can be cached on disk and reused by every request;
// - the request turn carries what changes per call: the working directory and
//   the user's words.
//
// The answer format asked for is one command on one line, no prose, which
// response_parser.h then extracts defensively.

#include "caro/context/execution_context.h"

#include <string>
#include <string_view>
#include <vector>

namespace caro::backends {

struct ChatTurn
{
  std::string role; // "system", "user", "assistant"
  std::string content;
};

// The system message: the task, the answer format and the machine.
std::string build_system_prompt(const ExecutionContext& context);

// System message plus the few-shot example turns: the cacheable prefix.
std::vector<ChatTurn> build_prefix_turns(const ExecutionContext& context);

// The final user turn: working directory and request.
ChatTurn build_request_turn(const ExecutionContext& context, std::string_view request);

// Renders turns as ChatML, the fallback when a model has no usable template.
// With `add_assistant`, ends with the opened assistant turn.
std::string render_chatml(const std::vector<ChatTurn>& turns, bool add_assistant);

} // namespace caro::backends
