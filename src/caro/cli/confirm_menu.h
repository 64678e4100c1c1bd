#pragma once

// The "Run it?" menu and the line editor behind its [e]dit choice. Both talk to
// a terminal through file descriptors so tests can drive them over a
// pseudo-terminal.

#include <optional>
#include <string>
#include <string_view>

namespace caro::cli {

enum class MenuChoice { run, decline, edit, explain };

// Writes "Run it? [y]es / [N]o / [e]dit / e[x]plain " to `out_fd` and reads one
// key from `in_fd` (a terminal). Typed-ahead input is discarded first, so a
// stray Enter pressed before the prompt appeared cannot run anything. Enter,
// n, q, Esc, Ctrl-C, Ctrl-D and end of input mean decline.
MenuChoice ask_run_confirmation(int in_fd, int out_fd);

// A small line editor pre-filled with `initial`: left/right, Home/End,
// Backspace/Delete, Ctrl-A/E/U/K/W; Enter accepts, Esc or Ctrl-C cancels
// (nullopt).
std::optional<std::string> edit_line(int in_fd, int out_fd, std::string_view prompt, std::string_view initial);

} // namespace caro::cli
