// Extracting the command from a model's answer (see response_parser.h). The
// order of the steps matters: a fenced block or a backtick span is the
// strongest signal of where the command is, so it is looked at first; only
// then are lines cleaned of labels and prompts and tested for prose.

#include "caro/backends/embedded/response_parser.h"

#include "caro/util/strings.h"

#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace caro::backends {
namespace {

constexpr std::string_view k_fence = "```";

// Words that start English sentences but never a command.
constexpr auto k_prose_starters = std::to_array<std::string_view>(
    {"i",       "i'm", "i'll", "sorry", "unfortunately", "here",      "here's", "this",        "that",
     "the",     "you", "to",   "as",    "note",          "it",        "it's",   "there",       "please",
     "however", "a",   "an",   "what",  "sure",          "certainly", "of",     "no",          "ok",
     "okay",    "we",  "in",   "use",   "using",         "run",       "try",    "explanation", "answer",
     "output"});

// Labels a model may put in front of the command.
constexpr auto k_labels =
    std::to_array<std::string_view>({"command:", "shell command:", "answer:", "bash:", "sh:", "cmd:"});

bool is_space(char c)
{
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view first_word(std::string_view line)
{
  size_t end = 0;
  while (end < line.size() && !is_space(line[end])) {
    ++end;
  }
  return line.substr(0, end);
}

std::vector<std::string_view> lines_of(std::string_view text)
{
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

// The lines of the first fenced block, without its language tag; nullopt when
// the text has no fence. An unclosed fence runs to the end of the text.
std::optional<std::vector<std::string_view>> fenced_block(std::string_view text)
{
  const size_t open = text.find(k_fence);
  if (open == std::string_view::npos) {
    return std::nullopt;
  }
  size_t body = text.find('\n', open);
  if (body == std::string_view::npos) {
    // "```ls -la```" on one line.
    std::string_view rest = text.substr(open + k_fence.size());
    const size_t close = rest.find(k_fence);
    return std::vector<std::string_view>{rest.substr(0, close)};
  }
  ++body;
  const size_t close = text.find(k_fence, body);
  return lines_of(text.substr(body, close == std::string_view::npos ? std::string_view::npos : close - body));
}

// The contents of the first `...` span in a line, when there is one.
std::optional<std::string_view> backtick_span(std::string_view line)
{
  const size_t open = line.find('`');
  if (open == std::string_view::npos) {
    return std::nullopt;
  }
  const size_t close = line.find('`', open + 1);
  if (close == std::string_view::npos) {
    return std::nullopt;
  }
  return line.substr(open + 1, close - open - 1);
}

bool starts_with_ci(std::string_view text, std::string_view prefix)
{
  return text.size() >= prefix.size() && util::to_lower_ascii(text.substr(0, prefix.size())) == prefix;
}

// Strips labels, shell prompts and wrapping quotes or backticks from one line.
std::string_view clean_line(std::string_view line)
{
  line = util::trim(line);
  for (bool changed = true; changed && !line.empty();) {
    changed = false;
    for (const std::string_view label : k_labels) {
      if (starts_with_ci(line, label)) {
        line = util::trim(line.substr(label.size()));
        changed = true;
      }
    }
    // "$ ls" and "> ls" are prompts; "$HOME/x" and ">file" are not.
    if (line.size() >= 2 && (line[0] == '$' || line[0] == '>') && line[1] == ' ') {
      line = util::trim(line.substr(2));
      changed = true;
    }
    if (line.size() >= 2 && line.front() == '`' && line.back() == '`') {
      line = util::trim(line.substr(1, line.size() - 2));
      changed = true;
    }
  }
  return line;
}

bool looks_like_command(std::string_view line)
{
  const std::string_view word = first_word(line);
  if (word.empty()) {
    return false;
  }
  for (const char c : word) {
    const bool allowed = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '/' ||
                         c == '~' || c == '-' || c == '+' || c == '=' || c == '$' || c == '{' || c == '}' || c == '"' ||
                         c == '\'' || c == '(' || c == '[' || c == ':';
    if (!allowed) {
      return false;
    }
  }
  return !looks_like_prose(line);
}

// The command in a cleaned line: the line itself, or what follows a colon in
// "Here is the command: ls -la".
std::optional<std::string> command_in(std::string_view line)
{
  line = clean_line(line);
  if (line.empty()) {
    return std::nullopt;
  }
  if (auto span = backtick_span(line)) {
    const std::string_view inner = clean_line(*span);
    if (looks_like_command(inner)) {
      return std::string(inner);
    }
  }
  if (looks_like_command(line)) {
    return std::string(line);
  }
  if (const size_t colon = line.find(": "); colon != std::string_view::npos) {
    const std::string_view rest = clean_line(line.substr(colon + 2));
    if (!rest.empty() && looks_like_command(rest)) {
      return std::string(rest);
    }
  }
  return std::nullopt;
}

} // namespace

bool looks_like_prose(std::string_view line)
{
  line = util::trim(line);
  const std::string_view word = first_word(line);
  if (word.empty()) {
    return false;
  }
  std::string lower = util::to_lower_ascii(word);
  while (!lower.empty() && (lower.back() == ',' || lower.back() == ':' || lower.back() == '!')) {
    lower.pop_back();
  }
  const size_t words = util::split_whitespace(line).size();
  for (const std::string_view starter : k_prose_starters) {
    // "use" or "run" alone could be a program name; as a sentence start they need company.
    if (lower == starter && (words >= 3 || starter.size() > 3 || word != lower)) {
      return true;
    }
  }
  // A capitalised word opening a sentence that ends like one.
  const bool capitalised = std::isupper(static_cast<unsigned char>(word[0])) != 0 && word.size() > 1 &&
                           std::islower(static_cast<unsigned char>(word[1])) != 0;
  const char last = line.back();
  return capitalised && words >= 3 && (last == '.' || last == '!' || last == '?' || last == ':');
}

ParsedResponse parse_response(std::string_view raw)
{
  const std::string_view text = util::trim(raw);
  if (text.empty()) {
    return {"", "the model gave an empty answer"};
  }
  std::vector<std::string_view> candidates;
  if (auto block = fenced_block(text)) {
    candidates = std::move(*block);
  } else {
    candidates = lines_of(text);
  }
  for (const std::string_view line : candidates) {
    if (auto command = command_in(line)) {
      return {std::move(*command), ""};
    }
  }
  return {"", "the model answered with prose, not a command"};
}

} // namespace caro::backends
