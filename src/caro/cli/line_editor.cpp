// The line editor behind the menu's [e]dit choice: the generated command is
// put on one row, editable with the usual readline keys, and returned on
// Enter. The text is kept as UTF-8 bytes with a byte cursor that only ever
// sits on a code point boundary, so a multibyte character moves and deletes
// as one unit. Every change redraws the whole row ("\r", prompt, visible
// text, erase to end of line, cursor back), which is simple and cannot get
// out of step with the screen. A command wider than the terminal scrolls
// sideways instead of wrapping, because "\r" can only return to the start
// of the current row.

#include "caro/cli/confirm_menu.h"
#include "caro/cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace caro::cli {
namespace {

constexpr std::size_t k_default_columns = 80;
constexpr std::size_t k_min_visible_columns = 8;

bool is_continuation(char byte)
{
  return (static_cast<unsigned char>(byte) & 0xc0) == 0x80;
}

bool is_space(char byte)
{
  return byte == ' ' || byte == '\t';
}

// Columns taken by `text` on screen: one per code point, ANSI CSI sequences
// (a coloured prompt) taking none.
std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e)) {
        ++i;
      }
      continue;
    }
    if (!is_continuation(text[i])) {
      ++width;
    }
  }
  return width;
}

std::size_t terminal_columns(int fd)
{
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return k_default_columns;
}

// The text being edited and the cursor, with the editing operations; knows
// nothing about terminals.
class LineBuffer
{
public:
  explicit LineBuffer(std::string_view initial) : m_text(initial), m_cursor(m_text.size()) {}

  const std::string& text() const { return m_text; }
  std::size_t cursor() const { return m_cursor; }

  void insert(std::string_view bytes)
  {
    m_text.insert(m_cursor, bytes);
    m_cursor += bytes.size();
  }
  void left() { m_cursor = previous_boundary(m_cursor); }
  void right() { m_cursor = next_boundary(m_cursor); }
  void home() { m_cursor = 0; }
  void end() { m_cursor = m_text.size(); }
  void backspace()
  {
    const std::size_t start = previous_boundary(m_cursor);
    m_text.erase(start, m_cursor - start);
    m_cursor = start;
  }
  void delete_forward() { m_text.erase(m_cursor, next_boundary(m_cursor) - m_cursor); }
  void kill_to_start()
  {
    m_text.erase(0, m_cursor);
    m_cursor = 0;
  }
  void kill_to_end() { m_text.erase(m_cursor); }
  // Like a shell's Ctrl-W: the blanks before the cursor, then the word before them.
  void delete_previous_word()
  {
    std::size_t start = m_cursor;
    while (start > 0 && is_space(m_text[start - 1])) {
      --start;
    }
    while (start > 0 && !is_space(m_text[start - 1])) {
      --start;
    }
    m_text.erase(start, m_cursor - start);
    m_cursor = start;
  }

private:
  std::size_t previous_boundary(std::size_t position) const
  {
    if (position == 0) {
      return 0;
    }
    --position;
    while (position > 0 && is_continuation(m_text[position])) {
      --position;
    }
    return position;
  }
  std::size_t next_boundary(std::size_t position) const
  {
    if (position >= m_text.size()) {
      return m_text.size();
    }
    ++position;
    while (position < m_text.size() && is_continuation(m_text[position])) {
      ++position;
    }
    return position;
  }

  std::string m_text;
  std::size_t m_cursor;
};

// Draws a LineBuffer on one terminal row, scrolling sideways to keep the
// cursor visible; remembers the scroll position between redraws so the view
// does not jump around.
class Renderer
{
public:
  Renderer(int out_fd, std::string_view prompt) : m_fd(out_fd), m_prompt(prompt) {}

  void draw(const LineBuffer& line)
  {
    // Start offset of every code point, so positions can be counted in columns.
    std::vector<std::size_t> starts;
    const std::string& text = line.text();
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!is_continuation(text[i])) {
        starts.push_back(i);
      }
    }
    const std::size_t total = starts.size();
    const std::size_t cursor =
        static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), line.cursor()) - starts.begin());

    // Leave the last column free: writing there makes some terminals wrap.
    const std::size_t columns = terminal_columns(m_fd);
    const std::size_t prompt_width = display_width(m_prompt);
    const std::size_t visible =
        columns > prompt_width + 1 + k_min_visible_columns ? columns - prompt_width - 1 : k_min_visible_columns;

    if (total <= visible) {
      m_scroll = 0;
    } else {
      m_scroll = std::min(m_scroll, total - visible);
      if (cursor < m_scroll) {
        m_scroll = cursor;
      } else if (cursor > m_scroll + visible) {
        m_scroll = cursor - visible;
      }
    }
    const std::size_t shown_end = std::min(total, m_scroll + visible);
    const std::size_t first_byte = m_scroll < total ? starts[m_scroll] : text.size();
    const std::size_t last_byte = shown_end < total ? starts[shown_end] : text.size();

    std::string frame = "\r";
    frame += m_prompt;
    for (std::size_t i = first_byte; i < last_byte; ++i) {
      // A control byte (a tab, say) would move the cursor; show it as '?'.
      const auto byte = static_cast<unsigned char>(text[i]);
      frame += byte < 0x20 || byte == 0x7f ? '?' : text[i];
    }
    frame += "\x1b[K";
    if (shown_end > cursor) {
      frame += "\x1b[" + std::to_string(shown_end - cursor) + "D";
    }
    detail::write_all(m_fd, frame);
  }

private:
  int m_fd;
  std::string_view m_prompt;
  std::size_t m_scroll = 0;
};

enum class Outcome { editing, accepted, cancelled };

// Applies one key to the line.
Outcome apply(const detail::Key& key, LineBuffer& line)
{
  switch (key.kind) {
  case detail::KeyKind::left:
    line.left();
    return Outcome::editing;
  case detail::KeyKind::right:
    line.right();
    return Outcome::editing;
  case detail::KeyKind::home:
    line.home();
    return Outcome::editing;
  case detail::KeyKind::end:
    line.end();
    return Outcome::editing;
  case detail::KeyKind::del:
    line.delete_forward();
    return Outcome::editing;
  case detail::KeyKind::escape:
  case detail::KeyKind::end_of_input:
    return Outcome::cancelled;
  case detail::KeyKind::character:
    break;
  default:
    return Outcome::editing; // up/down and unknown sequences: nothing to do
  }
  if (key.bytes.size() > 1) {
    line.insert(key.bytes); // one whole UTF-8 character
    return Outcome::editing;
  }
  const char byte = key.bytes[0];
  switch (byte) {
  case '\r':
  case '\n':
    return Outcome::accepted;
  case '\x03': // Ctrl-C
    return Outcome::cancelled;
  case '\x04': // Ctrl-D: cancel on an empty line, else delete forward (as readline)
    if (line.text().empty()) {
      return Outcome::cancelled;
    }
    line.delete_forward();
    return Outcome::editing;
  case '\x01': // Ctrl-A
    line.home();
    return Outcome::editing;
  case '\x05': // Ctrl-E
    line.end();
    return Outcome::editing;
  case '\x02': // Ctrl-B
    line.left();
    return Outcome::editing;
  case '\x06': // Ctrl-F
    line.right();
    return Outcome::editing;
  case '\x7f': // Backspace
  case '\x08': // Ctrl-H, Backspace on some terminals
    line.backspace();
    return Outcome::editing;
  case '\x15': // Ctrl-U
    line.kill_to_start();
    return Outcome::editing;
  case '\x0b': // Ctrl-K
    line.kill_to_end();
    return Outcome::editing;
  case '\x17': // Ctrl-W
    line.delete_previous_word();
    return Outcome::editing;
  default:
    break;
  }
  if (static_cast<unsigned char>(byte) >= 0x20) {
    line.insert(key.bytes);
  }
  return Outcome::editing; // other control keys are ignored
}

} // namespace

std::optional<std::string> edit_line(int in_fd, int out_fd, std::string_view prompt, std::string_view initial)
{
  // Text the caller printed through stdio must appear before ours.
  std::fflush(nullptr);
  const RawMode raw(in_fd);
  LineBuffer line(initial);
  Renderer renderer(out_fd, prompt);
  detail::KeyReader keys(in_fd);

  renderer.draw(line);
  while (true) {
    const Outcome outcome = apply(keys.next(), line);
    if (outcome == Outcome::editing) {
      renderer.draw(line);
      continue;
    }
    detail::write_all(out_fd, "\n");
    if (outcome == Outcome::accepted) {
      return line.text();
    }
    return std::nullopt;
  }
}

} // namespace caro::cli
