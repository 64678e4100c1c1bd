#pragma once

// Commands that run another command: sudo/doas, env, nice, nohup, timeout,
// xargs, busybox... Unwrapping one gives the view of the command it runs, so
// that the rules see `rm -rf /` inside `sudo -u root -E nohup rm -rf /`.
// Shells (-c), eval, watch, su -c and find -exec need the validator's
// recursion and are handled there.

#include "caro/safety/command_view.h"

#include <optional>

namespace caro::safety {

enum class WrapperKind {
  none,           // not a wrapper
  transparent,    // env, nice, nohup, timeout, command, exec, time, stdbuf...
  privilege,      // sudo, doas: the inner command runs as root
  stdin_arguments // xargs: the inner command gets more arguments from stdin
};

struct Unwrapped
{
  WrapperKind kind = WrapperKind::none;
  std::optional<CommandView> inner; // empty when the wrapper runs no command (sudo -i, command -v ls)
};

Unwrapped unwrap(const CommandView& view);

// Follows every wrapper down to the innermost command (for pipeline
// neighbours); `elevated` is set when a privilege wrapper was crossed.
CommandView innermost(const CommandView& view, bool* elevated = nullptr);

} // namespace caro::safety
