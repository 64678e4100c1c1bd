// One table-free function per wrapper family: each knows which of its options
// take a value, so the first operand after them is the inner command.

#include "caro/safety/wrappers.h"

#include "caro/safety/parser.h"

#include <array>

namespace caro::safety {

namespace {

// Index of the inner command: the first operand after the wrapper's options,
// skipping NAME=value words when the wrapper accepts them.
std::optional<std::size_t> first_command(const CommandView& view, std::string_view short_with_value,
                                         std::span<const std::string_view> long_with_value, bool skip_assignments,
                                         std::size_t skip_operands = 0)
{
  const Options options = parse_options(view.args, short_with_value, long_with_value, true);
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < options.operands.size(); ++i) {
    if (skip_assignments && is_assignment(*options.operands[i])) {
      continue;
    }
    if (skipped < skip_operands) {
      ++skipped;
      continue;
    }
    return options.operand_indices[i];
  }
  return std::nullopt;
}

Unwrapped make(const CommandView& view, WrapperKind kind, std::optional<std::size_t> index)
{
  Unwrapped result;
  result.kind = kind;
  if (index) {
    result.inner = inner_view(view, view.args, *index);
  }
  return result;
}

} // namespace

Unwrapped unwrap(const CommandView& view)
{
  const std::string& name = view.name;
  if (name == "sudo") {
    constexpr std::array<std::string_view, 11> k_long = {"user",  "group",  "prompt",         "close-from",
                                                         "chdir", "role",   "type",           "other-user",
                                                         "host",  "chroot", "command-timeout"};
    const Options options = parse_options(view.args, "ugpCDrtUTRh", k_long, true);
    if (options.has('l') || options.has('v') || options.has('k') || options.has('K') || options.has('e') ||
        options.has("list") || options.has("validate") || options.has("edit") || options.has("help") ||
        options.has("version") || options.has('V')) {
      return Unwrapped{WrapperKind::privilege, std::nullopt};
    }
    return make(view, WrapperKind::privilege, first_command(view, "ugpCDrtUTRh", k_long, true));
  }
  if (name == "doas") {
    return make(view, WrapperKind::privilege, first_command(view, "uCa", {}, false));
  }
  if (name == "env") {
    constexpr std::array<std::string_view, 4> k_long = {"unset", "chdir", "split-string", "block-signal"};
    return make(view, WrapperKind::transparent, first_command(view, "uCS", k_long, true));
  }
  if (name == "nice") {
    // `nice -10 cmd` reads as the flag cluster "10", which takes no value: fine.
    constexpr std::array<std::string_view, 1> k_long = {"adjustment"};
    return make(view, WrapperKind::transparent, first_command(view, "n", k_long, false));
  }
  if (name == "nohup" || name == "builtin" || name == "setsid" || name == "nocorrect" || name == "noglob" ||
      name == "unbuffer" || name == "caffeinate") {
    return make(view, WrapperKind::transparent, first_command(view, "", {}, false));
  }
  if (name == "timeout") {
    constexpr std::array<std::string_view, 2> k_long = {"signal", "kill-after"};
    return make(view, WrapperKind::transparent, first_command(view, "sk", k_long, false, 1));
  }
  if (name == "command") {
    const Options options = parse_options(view.args, "", {}, true);
    if (options.has('v') || options.has('V')) {
      return Unwrapped{WrapperKind::transparent, std::nullopt};
    }
    return make(view, WrapperKind::transparent, first_command(view, "", {}, false));
  }
  if (name == "exec") {
    return make(view, WrapperKind::transparent, first_command(view, "a", {}, false));
  }
  if (name == "time") {
    constexpr std::array<std::string_view, 2> k_long = {"format", "output"};
    return make(view, WrapperKind::transparent, first_command(view, "fo", k_long, false));
  }
  if (name == "stdbuf") {
    constexpr std::array<std::string_view, 3> k_long = {"input", "output", "error"};
    return make(view, WrapperKind::transparent, first_command(view, "ioe", k_long, false));
  }
  if (name == "ionice") {
    const Options options = parse_options(view.args, "cnp", {}, true);
    if (options.value("p") != nullptr) {
      return Unwrapped{WrapperKind::transparent, std::nullopt};
    }
    return make(view, WrapperKind::transparent, first_command(view, "cnp", {}, false));
  }
  if (name == "chrt" || name == "taskset") {
    return make(view, WrapperKind::transparent, first_command(view, "", {}, false, 1));
  }
  if (name == "busybox") {
    return make(view, WrapperKind::transparent, first_command(view, "", {}, false));
  }
  if (name == "xargs") {
    constexpr std::array<std::string_view, 9> k_long = {"arg-file",  "delimiter", "eof",
                                                        "replace",   "max-lines", "max-args",
                                                        "max-procs", "max-chars", "process-slot-var"};
    Unwrapped result = make(view, WrapperKind::stdin_arguments, first_command(view, "ILnPdEsa", k_long, false));
    if (result.inner) {
      result.inner->args_from_stdin = true;
    }
    return result;
  }
  return Unwrapped{};
}

CommandView innermost(const CommandView& view, bool* elevated)
{
  CommandView current = view;
  for (int level = 0; level < k_max_nesting; ++level) {
    Unwrapped next = unwrap(current);
    if (next.kind == WrapperKind::none || !next.inner) {
      break;
    }
    if (next.kind == WrapperKind::privilege && elevated != nullptr) {
      *elevated = true;
    }
    current = std::move(*next.inner);
  }
  return current;
}

} // namespace caro::safety
