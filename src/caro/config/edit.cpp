// `config set`: changing one key in config.toml while leaving every other
// byte of the file alone. An existing value is replaced in place, using the
// value's position from toml++; a new key is inserted as a line next to its
// neighbours, using the line structure from scan_layout(). The result is
// parsed again before it is written, so an edit can never produce a file that
// caro itself would reject.

#include "caro/config/file_io.h"
#include "caro/config/settings.h"
#include "caro/config/toml_document.h"
#include "caro/config/toml_layout.h"
#include "caro/config/values.h"

#include <string>
#include <vector>

namespace caro::config {
namespace {

using detail::TomlLayout;
using detail::TomlStatement;

std::vector<std::string> split_key(std::string_view name)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const auto dot = name.find('.', start);
    parts.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) {
      return parts;
    }
    start = dot + 1;
  }
}

// Byte offset of a toml++ position (1-based line, column in code points; a
// byte-order mark is not counted).
std::size_t offset_of(std::string_view text, const toml::source_position& position)
{
  std::size_t offset = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (toml::source_index line = 1; line < position.line; ++line) {
    const auto newline = text.find('\n', offset);
    if (newline == std::string_view::npos) {
      return text.size();
    }
    offset = newline + 1;
  }
  for (toml::source_index column = 1; column < position.column; ++column) {
    if (offset >= text.size() || text[offset] == '\n') {
      break;
    }
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

std::string line_ending(std::string_view text)
{
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

// Inserts `line` (without its newline) at `offset`, which is a line start or
// the end of the text; a last line without a newline gets one first.
std::string insert_line(std::string_view text, std::size_t offset, std::string_view line, std::string_view newline,
                        bool blank_line_after = false)
{
  std::string out(text.substr(0, offset));
  if (!out.empty() && out.back() != '\n') {
    out += newline;
  }
  out += line;
  out += newline;
  if (blank_line_after) {
    out += newline;
  }
  out += text.substr(offset);
  return out;
}

// Start of the comment lines directly above `offset` (a line start), so that
// a new line does not come between a header and the comment describing it.
std::size_t start_of_comment_block(std::string_view text, std::size_t offset)
{
  std::size_t begin = offset;
  while (begin > 0) {
    // The previous line is [line_start, begin); text[begin - 1] is its newline.
    const std::size_t newline_at = begin - 1;
    const auto before = newline_at == 0 ? std::string_view::npos : text.rfind('\n', newline_at - 1);
    const std::size_t line_start = before == std::string_view::npos ? 0 : before + 1;
    const std::string_view line = text.substr(line_start, begin - line_start);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '#') {
      break;
    }
    begin = line_start;
  }
  return begin;
}

// A top-level statement goes after the last top-level statement, or above
// the first [table] (and its comment), or at the end of a file with no tables.
std::string insert_top_level(std::string_view text, const TomlLayout& layout, std::string_view line,
                             std::string_view newline)
{
  const TomlStatement* last_top_level = nullptr;
  for (const auto& statement : layout.statements) {
    if (statement.section == -1) {
      last_top_level = &statement;
    }
  }
  if (last_top_level != nullptr) {
    return insert_line(text, last_top_level->end, line, newline);
  }
  if (!layout.headers.empty()) {
    return insert_line(text, start_of_comment_block(text, layout.headers.front().begin), line, newline, true);
  }
  return insert_line(text, text.size(), line, newline);
}

// Into the [header] at `index`: after its last statement, or right below it.
std::string insert_in_section(std::string_view text, const TomlLayout& layout, std::size_t index, std::string_view line,
                              std::string_view newline)
{
  std::size_t offset = layout.headers[index].end;
  for (const auto& statement : layout.statements) {
    if (statement.section == static_cast<int>(index)) {
      offset = statement.end;
    }
  }
  return insert_line(text, offset, line, newline);
}

std::string append_table(std::string_view text, std::string_view table, std::string_view line, std::string_view newline)
{
  std::string out(text);
  if (!out.empty()) {
    if (out.back() != '\n') {
      out += newline;
    }
    out += newline;
  }
  // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) about "[" + std::string.
  out += '[';
  out += table;
  out += ']';
  out += newline;
  out += line;
  out += newline;
  return out;
}

// The node at `parts` below `root`, nullptr when absent; an Error when a
// table on the way is something else.
Expected<const toml::node*> find_node(const toml::table& root, const std::vector<std::string>& parts,
                                      std::string_view path)
{
  const toml::table* table = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const toml::node* next = table->get(parts[i]);
    if (next == nullptr) {
      return static_cast<const toml::node*>(nullptr);
    }
    table = next->as_table();
    if (table == nullptr) {
      return unexpected(detail::where(path, next->source()) + ": cannot set a key inside \"" + parts[i] + "\": it is " +
                            std::string(detail::describe_type(next->type())) + ", not a table",
                        "edit the file by hand");
    }
  }
  return table->get(parts.back());
}

std::optional<std::size_t> find_header(const TomlLayout& layout, const std::vector<std::string>& components)
{
  for (std::size_t i = 0; i < layout.headers.size(); ++i) {
    if (!layout.headers[i].array && layout.headers[i].components == components) {
      return i;
    }
  }
  return std::nullopt;
}

// Checks that the edited text parses and holds the new value.
Expected<void> verify(std::string_view edited, std::string_view path, const KeyInfo& info,
                      const std::vector<std::string>& parts, const Settings& expected)
{
  const std::string failed =
      "could not edit " + std::string(path) + " safely (the result would not hold the new value); it was not changed";
  auto parsed = detail::parse_toml(edited, path);
  if (!parsed) {
    return unexpected(failed, "edit the file by hand: " + parsed.error().message);
  }
  auto node = find_node(*parsed, parts, path);
  if (!node || *node == nullptr) {
    return unexpected(failed, "edit the file by hand");
  }
  Settings reread;
  Expected<void> assigned = unexpected("wrong type");
  if (const auto* text = (*node)->as_string(); text != nullptr && info.type == ValueType::text) {
    assigned = detail::assign_text(reread, info, text->get());
  } else if (const auto* number = (*node)->as_floating_point(); number != nullptr && info.type == ValueType::number) {
    assigned = detail::assign_number(reread, info, number->get());
  } else if (const auto* integer = (*node)->as_integer(); integer != nullptr && info.type == ValueType::integer) {
    assigned = detail::assign_text(reread, info, std::to_string(integer->get()));
  } else if (const auto* boolean = (*node)->as_boolean(); boolean != nullptr && info.type == ValueType::boolean) {
    assigned = detail::assign_text(reread, info, boolean->get() ? "true" : "false");
  }
  if (!assigned || value_as_text(reread, info.name) != value_as_text(expected, info.name)) {
    return unexpected(failed, "edit the file by hand");
  }
  return {};
}

} // namespace

Expected<std::string> edit_config_text(std::string_view text, std::string_view path, std::string_view key,
                                       std::string_view value)
{
  const KeyInfo* info = find_key(key);
  if (info == nullptr) {
    return unexpected(detail::unknown_key_message(key), "run `caro config show` to see every key");
  }
  Settings wanted;
  if (auto valid = detail::assign_text(wanted, *info, value); !valid) {
    return unexpected(valid.error());
  }
  const std::string literal = detail::toml_literal(*info, value);

  auto parsed = detail::parse_toml(text, path);
  if (!parsed) {
    Error error = parsed.error();
    error.hint = "the file was not changed; fix it first (or run `caro config path` to find it)";
    return unexpected(std::move(error));
  }
  const auto parts = split_key(info->name);
  auto existing = find_node(*parsed, parts, path);
  if (!existing) {
    return unexpected(existing.error());
  }

  const TomlLayout layout = detail::scan_layout(text);
  const std::string newline = line_ending(text);
  std::string edited;
  if (const toml::node* node = *existing; node != nullptr) {
    if (!node->is_value()) {
      return unexpected(detail::where(path, node->source()) + ": cannot set \"" + std::string(info->name) +
                            "\": it is " + std::string(detail::describe_type(node->type())) + " in the file",
                        "edit the file by hand");
    }
    const std::size_t begin = offset_of(text, node->source().begin);
    const std::size_t end = offset_of(text, node->source().end);
    if (begin >= end || end > text.size()) {
      return unexpected("could not find the value of \"" + std::string(info->name) + "\" in " + std::string(path),
                        "edit the file by hand");
    }
    edited = std::string(text.substr(0, begin)) + literal + std::string(text.substr(end));
  } else if (parts.size() == 1) {
    edited = insert_top_level(text, layout, std::string(info->name) + " = " + literal, newline);
  } else {
    const std::vector<std::string> table_parts(parts.begin(), parts.end() - 1);
    const std::string line = parts.back() + " = " + literal;
    auto table = find_node(*parsed, table_parts, path);
    if (const auto header = find_header(layout, table_parts)) {
      edited = insert_in_section(text, layout, *header, line, newline);
    } else if (table && *table != nullptr) {
      // The table exists without a header of its own (dotted keys such as
      // `static.x = 1`): a dotted key at the top level adds to it.
      edited = insert_top_level(text, layout, std::string(info->name) + " = " + literal, newline);
    } else {
      std::string table_name;
      for (const auto& part : table_parts) {
        table_name += (table_name.empty() ? "" : ".") + part;
      }
      edited = append_table(text, table_name, line, newline);
    }
  }

  if (auto checked = verify(edited, path, *info, parts, wanted); !checked) {
    return unexpected(checked.error());
  }
  return edited;
}

Expected<void> set_in_file(const std::string& path, std::string_view key, std::string_view value)
{
  // Key and value first: a typo must not depend on (or touch) the file.
  const KeyInfo* info = find_key(key);
  if (info == nullptr) {
    return unexpected(detail::unknown_key_message(key), "run `caro config show` to see every key");
  }
  Settings scratch;
  if (auto valid = detail::assign_text(scratch, *info, value); !valid) {
    return unexpected(valid.error());
  }

  auto contents = detail::read_text_file(path);
  if (!contents) {
    return unexpected(contents.error());
  }
  auto edited = edit_config_text(contents->value_or(std::string()), path, key, value);
  if (!edited) {
    return unexpected(edited.error());
  }
  if (auto written = detail::write_file_atomically(path, *edited); !written) {
    return written;
  }

  // Defensive: read back what is now on disk and make sure caro can parse it.
  auto reread = detail::read_text_file(path);
  if (!reread || !*reread || **reread != *edited) {
    return unexpected("wrote " + path + " but could not read the same contents back", "check the file by hand");
  }
  if (auto parsed = detail::parse_toml(**reread, path); !parsed) {
    return unexpected(parsed.error());
  }
  return {};
}

} // namespace caro::config
