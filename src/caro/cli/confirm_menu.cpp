// The "Run it?" menu: one keypress, no Enter, and anything doubtful means no.
// Also the keystroke decoder it shares with the line editor: an arrow key
// arrives as ESC [ D, so a bare ESC byte only means "Esc" when nothing follows
// it within a short pause (terminals send a sequence's bytes together).

#include "caro/cli/confirm_menu.h"

#include "caro/cli/terminal.h"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string_view>

namespace caro::cli {
namespace {

constexpr std::string_view k_prompt = "Run it? [y]es / [N]o / [e]dit / e[x]plain ";

// How long to wait for the rest of an escape or UTF-8 sequence.
constexpr int k_sequence_timeout_ms = 150;

std::string_view answer_word(MenuChoice choice)
{
  switch (choice) {
  case MenuChoice::run:
    return "yes";
  case MenuChoice::edit:
    return "edit";
  case MenuChoice::explain:
    return "explain";
  case MenuChoice::decline:
    return "no";
  }
  return "no";
}

// Maps one key to a choice; nullopt for keys the menu ignores.
std::optional<MenuChoice> choice_for(const detail::Key& key)
{
  switch (key.kind) {
  case detail::KeyKind::escape:
  case detail::KeyKind::end_of_input:
    return MenuChoice::decline;
  case detail::KeyKind::character:
    break;
  default:
    return std::nullopt;
  }
  if (key.bytes.size() != 1) {
    return std::nullopt;
  }
  switch (key.bytes[0]) {
  case 'y':
  case 'Y':
    return MenuChoice::run;
  case 'e':
  case 'E':
    return MenuChoice::edit;
  case 'x':
  case 'X':
    return MenuChoice::explain;
  case 'n':
  case 'N':
  case 'q':
  case 'Q':
  case '\r':
  case '\n':
  case '\x03': // Ctrl-C
  case '\x04': // Ctrl-D
    return MenuChoice::decline;
  default:
    return std::nullopt;
  }
}

} // namespace

MenuChoice ask_run_confirmation(int in_fd, int out_fd)
{
  // Text the caller printed through stdio must appear before ours.
  std::fflush(nullptr);
  const RawMode raw(in_fd);
  // A key pressed before the prompt appeared was not an answer to it.
  ::tcflush(in_fd, TCIFLUSH);
  detail::write_all(out_fd, k_prompt);

  detail::KeyReader keys(in_fd);
  MenuChoice choice = MenuChoice::decline;
  while (true) {
    if (const auto picked = choice_for(keys.next())) {
      choice = *picked;
      break;
    }
  }
  std::string echo(answer_word(choice));
  echo += '\n';
  detail::write_all(out_fd, echo);
  return choice;
}

namespace detail {

void write_all(int fd, std::string_view text)
{
  while (!text.empty()) {
    // cppcheck-suppress invalidLifetime ; false positive: every caller's string outlives this call
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return; // the terminal is gone; nothing useful to do
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// The final byte of a cursor-key sequence, the same in the CSI (ESC [) and
// SS3 (ESC O, "application cursor" mode) forms.
static KeyKind cursor_key(unsigned char final_byte)
{
  switch (final_byte) {
  case 'A':
    return KeyKind::up;
  case 'B':
    return KeyKind::down;
  case 'C':
    return KeyKind::right;
  case 'D':
    return KeyKind::left;
  case 'H':
    return KeyKind::home;
  case 'F':
    return KeyKind::end;
  default:
    return KeyKind::unknown;
  }
}

std::optional<unsigned char> KeyReader::take(int timeout_ms)
{
  if (m_pushed_back) {
    const auto byte = m_pushed_back;
    m_pushed_back.reset();
    return byte;
  }
  if (m_ended) {
    return std::nullopt;
  }
  if (timeout_ms >= 0) {
    pollfd ready{m_fd, POLLIN, 0};
    int polled = 0;
    do {
      polled = ::poll(&ready, 1, timeout_ms);
    } while (polled < 0 && errno == EINTR);
    if (polled == 0) {
      return std::nullopt; // nothing more yet; not the end
    }
  }
  unsigned char byte = 0;
  ssize_t got = 0;
  do {
    got = ::read(m_fd, &byte, 1);
  } while (got < 0 && errno == EINTR);
  if (got != 1) {
    m_ended = true; // 0: end of input; <0: e.g. EIO after a terminal hang-up
    return std::nullopt;
  }
  return byte;
}

std::optional<unsigned char> KeyReader::peek(int timeout_ms)
{
  const auto byte = take(timeout_ms);
  m_pushed_back = byte;
  return byte;
}

Key KeyReader::next()
{
  const auto first = take(-1);
  if (!first) {
    return Key{KeyKind::end_of_input, {}};
  }
  if (*first == 0x1b) {
    return read_escape_sequence();
  }
  if (*first < 0x80) {
    return Key{KeyKind::character, std::string(1, static_cast<char>(*first))};
  }
  return read_utf8(*first);
}

Key KeyReader::read_escape_sequence()
{
  const auto second = take(k_sequence_timeout_ms);
  if (!second || *second == 0x1b) {
    return Key{KeyKind::escape, {}};
  }
  if (*second == 'O') {
    // SS3 form, sent by terminals in "application cursor" mode.
    return Key{cursor_key(take(k_sequence_timeout_ms).value_or(0)), {}};
  }
  if (*second != '[') {
    return Key{KeyKind::unknown, {}}; // Alt+key: not used
  }
  // CSI: parameter and intermediate bytes, then one final byte in 0x40..0x7e.
  std::string parameters;
  while (true) {
    const auto byte = take(k_sequence_timeout_ms);
    if (!byte) {
      return Key{KeyKind::unknown, {}};
    }
    if (*byte >= 0x40 && *byte <= 0x7e) {
      if (*byte != '~') {
        return Key{cursor_key(*byte), {}};
      }
      if (parameters == "1" || parameters == "7") {
        return Key{KeyKind::home, {}};
      }
      if (parameters == "4" || parameters == "8") {
        return Key{KeyKind::end, {}};
      }
      if (parameters == "3") {
        return Key{KeyKind::del, {}};
      }
      return Key{KeyKind::unknown, {}};
    }
    parameters += static_cast<char>(*byte);
  }
}

Key KeyReader::read_utf8(unsigned char lead)
{
  std::size_t length = 0;
  if ((lead & 0xe0) == 0xc0) {
    length = 2;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
  } else {
    return Key{KeyKind::unknown, {}}; // a stray continuation byte or invalid lead
  }
  std::string bytes(1, static_cast<char>(lead));
  while (bytes.size() < length) {
    const auto byte = peek(k_sequence_timeout_ms);
    if (!byte || (*byte & 0xc0) != 0x80) {
      return Key{KeyKind::unknown, {}}; // truncated: drop it, keep the next byte
    }
    m_pushed_back.reset();
    bytes += static_cast<char>(*byte);
  }
  return Key{KeyKind::character, std::move(bytes)};
}

} // namespace detail
} // namespace caro::cli
