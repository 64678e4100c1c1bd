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
//
// Limitation: the text is drawn on one row and scrolls sideways when it is
// wider than the terminal; every code point counts as one column, so
// double-width characters (CJK, emoji) can misplace the cursor.
std::optional<std::string> edit_line(int in_fd, int out_fd, std::string_view prompt, std::string_view initial);

namespace detail {

// Decoding keystrokes from a terminal, shared by the menu and the editor (not
// meant for other callers). Reads one byte at a time so it never consumes
// input beyond the key it returns.
enum class KeyKind { character, left, right, up, down, home, end, del, escape, end_of_input, unknown };

struct Key
{
  KeyKind kind = KeyKind::unknown;
  std::string bytes; // for `character`: one ASCII byte (control bytes included) or one whole UTF-8 sequence
};

class KeyReader
{
public:
  explicit KeyReader(int fd) : m_fd(fd) {}
  Key next();

private:
  // The next byte, waiting at most `timeout_ms` (-1: forever); nullopt on
  // timeout, end of input or a read error.
  std::optional<unsigned char> take(int timeout_ms);
  std::optional<unsigned char> peek(int timeout_ms);
  Key read_escape_sequence();
  Key read_utf8(unsigned char lead);

  int m_fd;
  std::optional<unsigned char> m_pushed_back;
  bool m_ended = false;
};

// Writes all of `text`, retrying after signals; gives up silently when the
// terminal is gone (there is nobody left to tell).
void write_all(int fd, std::string_view text);

} // namespace detail

} // namespace caro::cli
