// Computed command words (see computed_words.h). Only output the script
// spells out is revealed: a literal echo or printf, decoded when piped
// through base64 -d. Anything else stays unknown; a decoder whose input is
// not shown is reported as such, since its output is the hidden code itself.

#include "caro/safety/computed_words.h"

#include <cstdint>
#include <span>

namespace caro::safety {
namespace {

bool literal(const Word& word)
{
  return word.expansions.empty() && word.substitutions.empty();
}

// What echo or printf prints, or nullopt when it is not plain text.
std::optional<std::string> echoed(const CommandView& view)
{
  if (view.name == "echo") {
    const EchoOptions echo = parse_echo(view.args);
    if (echo.escapes) {
      return std::nullopt; // echo -e decodes escapes
    }
    std::string text;
    for (const Word* word : echo.operands) {
      if (!literal(*word)) {
        return std::nullopt;
      }
      if (!text.empty()) {
        text.push_back(' ');
      }
      text += word->text;
    }
    if (echo.newline) {
      text.push_back('\n');
    }
    return text;
  }
  if (view.name == "printf" && view.args.size() == 1 && literal(*view.args.front())) {
    return printf_literal(view.args.front()->text);
  }
  return std::nullopt;
}

bool is_base64_decoder(const CommandView& view)
{
  return view.name == "base64" && decodes_hidden_text(view) && parse_options(view.args).operands.empty();
}

// The word is one substitution and nothing else: `$(...)` or `...`.
const Substitution* whole_substitution(const Word& word)
{
  if (word.substitutions.size() != 1 || word.expansions.size() != 1) {
    return nullptr;
  }
  const Expansion& expansion = word.expansions.front();
  if (expansion.name != "$(" || expansion.offset != 0 || expansion.length != word.text.size()) {
    return nullptr;
  }
  return &word.substitutions.front();
}

// The word is one variable and nothing else: `$a`, `${a}`, "$a".
std::optional<std::string> whole_variable(const Word& word)
{
  if (!word.substitutions.empty() || word.expansions.size() != 1) {
    return std::nullopt;
  }
  const Expansion& expansion = word.expansions.front();
  if (expansion.name == "$(" || expansion.name == "~" || expansion.offset != 0 ||
      expansion.length != word.text.size()) {
    return std::nullopt;
  }
  for (char c : expansion.name) {
    if (!is_name_char(c)) {
      return std::nullopt; // ${x:-y}, ${#x}: not the plain value
    }
  }
  return expansion.name;
}

// The single literal value a variable is known to hold, innermost binding first.
std::optional<std::string> known_value(const std::string& name, const std::vector<Binding>& bindings)
{
  for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
    if (it->name != name) {
      continue;
    }
    if (it->values.size() != 1 || !literal(*it->values.front())) {
      return std::nullopt;
    }
    return it->values.front()->text;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> decode_base64(std::string_view text)
{
  constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      continue;
    }
    if (c == '=') {
      padding = true;
      continue;
    }
    const auto value = k_alphabet.find(c);
    if (value == std::string_view::npos || padding) {
      return std::nullopt;
    }
    bits = (bits << 6U) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> static_cast<unsigned>(count)) & 0xFFU));
    }
  }
  return out;
}

std::optional<std::string> printed_text(const Substitution& substitution)
{
  if (!substitution.script || substitution.script->pipelines.size() != 1) {
    return std::nullopt;
  }
  const Pipeline& pipeline = substitution.script->pipelines.front();
  if (pipeline.commands.empty() || pipeline.commands.size() > 2) {
    return std::nullopt;
  }
  auto text = echoed(plain_view(pipeline.commands.front()));
  if (!text || pipeline.commands.size() == 1) {
    return text;
  }
  if (!is_base64_decoder(plain_view(pipeline.commands.back()))) {
    return std::nullopt;
  }
  return decode_base64(*text);
}

ComputedCommand read_computed_command(const Command& command, const std::vector<Binding>& bindings)
{
  ComputedCommand computed;
  if (command.kind != Command::Kind::simple || command.words.empty()) {
    return computed;
  }
  const Word& first = *command.words.front();
  std::optional<std::string> head;
  if (const Substitution* substitution = whole_substitution(first)) {
    head = printed_text(*substitution);
    if (!head && substitution->script && !substitution->script->pipelines.empty()) {
      const Pipeline& last = substitution->script->pipelines.back();
      computed.decodes_hidden_text = !last.commands.empty() && decodes_hidden_text(plain_view(last.commands.back()));
    }
  } else if (const auto name = whole_variable(first)) {
    head = known_value(*name, bindings);
  }
  if (!head) {
    return computed;
  }
  // A substitution's trailing newlines are removed by the shell.
  while (!head->empty() && head->back() == '\n') {
    head->pop_back();
  }
  // The shell splits the output into words; re-parsing the joined text does
  // the same, and reads any operators in it as the shell would not, which
  // can only add findings.
  std::string text = std::move(*head);
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    const Word& word = *command.words[i];
    const auto name = whole_variable(word);
    const auto value = name ? known_value(*name, bindings) : std::nullopt;
    text.push_back(' ');
    text += value ? *value : word.text;
  }
  computed.text = std::move(text);
  return computed;
}

} // namespace caro::safety
