// Helpers shared by the rules: program families, getopt-style option
// splitting and the list of files a command writes to. Kept separate from the
// rules so that a future data-driven rule file can reuse them unchanged.

#include "caro/safety/command_view.h"

#include <algorithm>
#include <array>

namespace caro::safety {

namespace {

template<std::size_t N> bool contains(const std::array<std::string_view, N>& list, std::string_view value)
{
  for (const auto item : list) {
    if (item == value) {
      return true;
    }
  }
  return false;
}

constexpr std::array<std::string_view, 10> k_shells = {"sh",   "bash", "zsh",  "dash", "ksh",
                                                       "mksh", "ash",  "fish", "csh",  "tcsh"};
constexpr std::array<std::string_view, 9> k_interpreters = {"python", "perl", "ruby", "node", "nodejs",
                                                            "php",    "lua",  "pwsh", "deno"};
constexpr std::array<std::string_view, 7> k_downloaders = {"curl", "wget",  "fetch",      "aria2c",
                                                           "http", "https", "lwp-request"};

bool is_digits(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

} // namespace

std::string command_name(const Word& word)
{
  const std::string& text = word.text;
  if (!word.expansions.empty() && word.expansions.front().offset == 0) {
    return text;
  }
  const std::size_t slash = text.find_last_of('/');
  if (slash == std::string::npos || slash + 1 == text.size()) {
    return text;
  }
  return text.substr(slash + 1);
}

CommandView inner_view(const CommandView& outer, std::span<const Word* const> words, std::size_t first)
{
  CommandView view = outer;
  view.args.clear();
  view.name.clear();
  view.name_word = nullptr;
  if (first < words.size()) {
    view.name_word = words[first];
    view.name = command_name(*words[first]);
    view.args.assign(words.begin() + static_cast<std::ptrdiff_t>(first) + 1, words.end());
  }
  return view;
}

TargetClass from_working_directory(TargetClass target, const CommandView& view)
{
  if (target == TargetClass::all_files && is_protected(view.working_directory)) {
    return view.working_directory;
  }
  return target;
}

namespace {

constexpr std::size_t k_max_bound_values = 64; // per variable: bounds the work on huge loop lists

const Binding* find_binding(const CommandView& view, std::string_view name)
{
  if (view.bindings == nullptr) {
    return nullptr;
  }
  for (auto it = view.bindings->rbegin(); it != view.bindings->rend(); ++it) {
    if (it->name == name) {
      return &*it;
    }
  }
  return nullptr;
}

// `word` with the expansion at `index` replaced by `value`.
Word substitute_value(const Word& word, std::size_t index, const Word& value)
{
  const Expansion& expansion = word.expansions[index];
  Word out;
  out.span = word.span;
  out.quoted = word.quoted || value.quoted;
  out.unquoted_glob = word.unquoted_glob || value.unquoted_glob;
  out.unquoted_variable = word.unquoted_variable || value.unquoted_variable;
  const std::size_t end = std::min(expansion.offset + expansion.length, word.text.size());
  out.text = word.text.substr(0, expansion.offset);
  out.text += value.text;
  out.text += std::string_view(word.text).substr(end);
  const std::size_t grown = value.text.size();
  for (std::size_t i = 0; i < word.expansions.size(); ++i) {
    Expansion moved = word.expansions[i];
    if (i == index) {
      for (Expansion inner : value.expansions) {
        inner.offset += expansion.offset;
        out.expansions.push_back(std::move(inner));
      }
      continue;
    }
    if (moved.offset >= end) {
      moved.offset = moved.offset - (end - expansion.offset) + grown;
    }
    out.expansions.push_back(std::move(moved));
  }
  std::sort(out.expansions.begin(), out.expansions.end(),
            [](const Expansion& a, const Expansion& b) { return a.offset < b.offset; });
  return out;
}

// Splits literal text at blanks into argument words, as xargs does; false
// when xargs would read it differently (quotes and backslashes are its own).
bool split_literal(std::string_view text, Span span, std::vector<Word>& out)
{
  if (text.find_first_of("'\"\\") != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t begin = text.find_first_not_of(" \t\n", start);
    if (begin == std::string_view::npos) {
      break;
    }
    const std::size_t end = std::min(text.find_first_of(" \t\n", begin), text.size());
    Word word;
    word.text = std::string(text.substr(begin, end - begin));
    word.span = span;
    word.span_exact = false;
    word.unquoted_glob = word.text.find_first_of("*?[") != std::string::npos;
    out.push_back(std::move(word));
    start = end;
  }
  return true;
}

// One word of shell text that xargs will read: literal words are split,
// words with expansions are kept whole (their classification sees them).
bool add_stdin_word(const Word& word, std::vector<Word>& out)
{
  if (word.expansions.empty() && word.substitutions.empty()) {
    return split_literal(word.text, word.span, out);
  }
  if (word.text.find('\\') != std::string::npos) {
    return false;
  }
  out.push_back(word);
  return true;
}

} // namespace

TargetClass classify_in_view(const CommandView& view, const Word& word, std::size_t from)
{
  TargetClass worst = classify_target(word, from);
  if (view.bindings == nullptr || view.bindings->empty()) {
    return worst;
  }
  for (std::size_t i = 0; i < word.expansions.size(); ++i) {
    const Expansion& expansion = word.expansions[i];
    if (expansion.offset < from) {
      continue;
    }
    const Binding* binding = find_binding(view, expansion.name);
    if (binding == nullptr) {
      continue;
    }
    const std::size_t count = std::min(binding->values.size(), k_max_bound_values);
    for (std::size_t v = 0; v < count; ++v) {
      const Word substituted = substitute_value(word, i, *binding->values[v]);
      worst = worse(worst, classify_target(substituted, from));
    }
  }
  return worst;
}

CommandView plain_view(const Command& command)
{
  CommandView view;
  view.command = &command;
  view.span = command.span;
  if (command.kind == Command::Kind::simple && !command.words.empty()) {
    view.name_word = command.words.front();
    view.name = command_name(*command.words.front());
    view.args.assign(command.words.begin() + 1, command.words.end());
  }
  return view;
}

EchoOptions parse_echo(std::span<const Word* const> args)
{
  EchoOptions options;
  options.operands = args;
  while (!options.operands.empty()) {
    const std::string& text = options.operands.front()->text;
    if (text.size() < 2 || text[0] != '-' || text.find_first_not_of("neE", 1) != std::string::npos) {
      break;
    }
    options.escapes = options.escapes || text.find('e') != std::string::npos;
    options.newline = options.newline && text.find('n') == std::string::npos;
    options.operands = options.operands.subspan(1);
  }
  return options;
}

std::optional<std::string> printf_literal(std::string_view format)
{
  if (format.find('%') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string text;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '\\') {
      text.push_back(format[i]);
    } else if (i + 1 < format.size() && (format[i + 1] == 'n' || format[i + 1] == 't')) {
      text.push_back(format[i + 1] == 'n' ? '\n' : '\t');
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return text;
}

std::optional<std::vector<Word>> stdin_words(const CommandView& view)
{
  if (view.command == nullptr || !view.owns_redirects) {
    return std::nullopt;
  }
  // Options of the wrapper before the inner command: -a/--arg-file reads a file.
  for (const Word* word : view.command->words) {
    if (word == view.name_word) {
      break;
    }
    const std::string_view text = word->text;
    if (text.starts_with("--arg-file") ||
        (text.size() > 1 && text[0] == '-' && text[1] != '-' && text.find('a') != std::string_view::npos)) {
      return std::nullopt;
    }
  }
  std::vector<Word> words;
  bool from_redirect = false;
  for (const Token* redirect : view.command->redirects) {
    if (redirect->op == "<<<") {
      if (!add_stdin_word(redirect->word, words)) {
        return std::nullopt;
      }
      from_redirect = true;
    } else if (redirect->op == "<<" || redirect->op == "<<-") {
      const std::string_view body = redirect->heredoc_body;
      if (body.find_first_of("$`") != std::string_view::npos || !split_literal(body, redirect->span, words)) {
        return std::nullopt;
      }
      from_redirect = true;
    } else if (redirect->op.find('<') != std::string::npos) {
      return std::nullopt; // < file, <&3, <> file
    }
  }
  if (from_redirect) {
    return words;
  }
  if (view.pipeline == nullptr || view.stage == 0 || view.stage > view.pipeline->size()) {
    return std::nullopt;
  }
  const CommandView& previous = (*view.pipeline)[view.stage - 1];
  std::span<const Word* const> printed(previous.args);
  if (previous.name == "echo") {
    const EchoOptions echo = parse_echo(printed);
    if (echo.escapes) {
      return std::nullopt; // echo -e decodes escapes
    }
    printed = echo.operands;
  } else if (previous.name == "printf") {
    // printf '%s\n' a b prints its arguments, each on its own line.
    if (printed.size() >= 2 && (printed.front()->text == "%s" || printed.front()->text == "%s\\n" ||
                                printed.front()->text == "%s " || printed.front()->text == "%s\\0")) {
      for (const Word* word : printed.subspan(1)) {
        if (!add_stdin_word(*word, words)) {
          return std::nullopt;
        }
      }
      return words;
    }
    // A lone format without directives prints itself.
    if (printed.size() != 1 || printed.front()->text.find('%') != std::string::npos) {
      return std::nullopt;
    }
    const Word& format = *printed.front();
    if (!format.expansions.empty() || !format.substitutions.empty()) {
      return add_stdin_word(format, words) ? std::optional<std::vector<Word>>(std::move(words)) : std::nullopt;
    }
    // split_literal splits at the newlines and tabs too.
    const auto text = printf_literal(format.text);
    if (!text) {
      return std::nullopt;
    }
    if (!split_literal(*text, format.span, words)) {
      return std::nullopt;
    }
    return words;
  } else {
    return std::nullopt;
  }
  for (const Word* word : printed) {
    if (!add_stdin_word(*word, words)) {
      return std::nullopt;
    }
  }
  return words;
}

bool Options::has(char flag) const
{
  return short_flags.find(flag) != std::string::npos;
}

bool Options::has(std::string_view long_name) const
{
  for (const auto& option : long_options) {
    if (option == long_name) {
      return true;
    }
  }
  return false;
}

const Word* Options::value(std::string_view name) const
{
  for (const auto& [option, word] : values) {
    if (option == name) {
      return word;
    }
  }
  return nullptr;
}

Options parse_options(std::span<const Word* const> args, std::string_view short_with_value,
                      std::span<const std::string_view> long_with_value, bool stop_at_operand)
{
  Options options;
  bool only_operands = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& text = args[i]->text;
    if (only_operands || text.size() < 2 || text[0] != '-') {
      options.operands.push_back(args[i]);
      options.operand_indices.push_back(i);
      only_operands = only_operands || stop_at_operand;
      continue;
    }
    if (text == "--") {
      only_operands = true;
      continue;
    }
    if (text[1] == '-') {
      std::string name = text.substr(2);
      const std::size_t equals = name.find('=');
      if (equals != std::string::npos) {
        name.resize(equals);
        options.values.emplace_back(name, args[i]);
      } else {
        for (const auto with_value : long_with_value) {
          if (with_value == name && i + 1 < args.size()) {
            options.values.emplace_back(name, args[++i]);
            break;
          }
        }
      }
      options.long_options.push_back(std::move(name));
      continue;
    }
    for (std::size_t j = 1; j < text.size(); ++j) {
      const char flag = text[j];
      options.short_flags.push_back(flag);
      if (short_with_value.find(flag) != std::string_view::npos) {
        if (j + 1 == text.size() && i + 1 < args.size()) {
          options.values.emplace_back(std::string(1, flag), args[++i]);
        } else {
          options.values.emplace_back(std::string(1, flag), args[i]);
        }
        break;
      }
    }
  }
  return options;
}

bool decodes_hidden_text(const CommandView& stage)
{
  const Options options = parse_options(stage.args);
  if (stage.name == "base64" || stage.name == "base32" || stage.name == "basenc") {
    return options.has('d') || options.has('D') || options.has("decode");
  }
  if (stage.name == "xxd") {
    return options.has('r');
  }
  if (stage.name == "openssl") {
    return options.has('d');
  }
  return stage.name == "uudecode" || stage.name == "rev";
}

bool is_shell(std::string_view name)
{
  return contains(k_shells, name);
}

bool is_interpreter(std::string_view name)
{
  if (is_shell(name)) {
    return true;
  }
  // python3, python3.12, perl5.36...
  while (!name.empty() && ((name.back() >= '0' && name.back() <= '9') || name.back() == '.')) {
    name.remove_suffix(1);
  }
  return contains(k_interpreters, name);
}

bool is_downloader(std::string_view name)
{
  return contains(k_downloaders, name);
}

bool reads_program_from_stdin(const CommandView& view)
{
  if (!is_interpreter(view.name)) {
    return false;
  }
  constexpr std::array<std::string_view, 2> k_long_with_value = {"rcfile", "init-file"};
  const Options options = parse_options(view.args, is_shell(view.name) ? "oO" : "W", k_long_with_value, true);
  if (options.has('c') || options.has('e') || options.has('m') || options.has('E') || options.has("eval")) {
    return false;
  }
  if (options.has('s')) {
    return true;
  }
  return options.operands.empty() || options.operands.front()->text == "-";
}

std::span<const CommandView> upstream(const CommandView& view)
{
  if (view.pipeline == nullptr || view.stage == 0 || view.stage > view.pipeline->size()) {
    return {};
  }
  return std::span<const CommandView>(view.pipeline->data(), view.stage);
}

bool redirect_writes(const Token& redirect)
{
  const std::string_view op = redirect.op;
  if (op.find('>') == std::string_view::npos) {
    return false;
  }
  if (op.ends_with(">&")) {
    const std::string& target = redirect.word.text;
    return !(is_digits(target) || target == "-" ||
             (target.ends_with('-') && is_digits(target.substr(0, target.size() - 1))));
  }
  return true;
}

std::vector<WriteTarget> write_targets(const CommandView& view)
{
  std::vector<WriteTarget> targets;
  if (view.owns_redirects && view.command != nullptr) {
    for (const Token* redirect : view.command->redirects) {
      if (redirect_writes(*redirect)) {
        targets.push_back(WriteTarget{&redirect->word, 0, redirect->span});
      }
    }
  }
  const std::string& name = view.name;
  if (name == "tee") {
    for (const Word* operand : parse_options(view.args).operands) {
      targets.push_back(WriteTarget{operand, 0, operand->span});
    }
  } else if (name == "cp" || name == "mv" || name == "install" || name == "ln" || name == "rsync") {
    constexpr std::array<std::string_view, 3> k_long_with_value = {"target-directory", "suffix", "backup"};
    const Options options = parse_options(view.args, name == "install" ? "tSgmo" : "tS", k_long_with_value);
    if (const Word* directory = options.value("t")) {
      const std::size_t from = directory->text.starts_with("-t") ? 2 : 0;
      targets.push_back(WriteTarget{directory, from, directory->span});
    } else if (const Word* long_directory = options.value("target-directory")) {
      const std::size_t equals = long_directory->text.find('=');
      targets.push_back(
          WriteTarget{long_directory, equals == std::string::npos ? 0 : equals + 1, long_directory->span});
    } else if (options.operands.size() >= 2) {
      const Word* destination = options.operands.back();
      targets.push_back(WriteTarget{destination, 0, destination->span});
    }
  } else if (name == "sed") {
    constexpr std::array<std::string_view, 3> k_long_with_value = {"expression", "file", "line-length"};
    const Options options = parse_options(view.args, "efl", k_long_with_value);
    if (options.has('i') || options.has("in-place")) {
      const bool script_in_option = options.value("e") != nullptr || options.value("f") != nullptr ||
                                    options.value("expression") != nullptr || options.value("file") != nullptr;
      for (std::size_t i = script_in_option ? 0 : 1; i < options.operands.size(); ++i) {
        targets.push_back(WriteTarget{options.operands[i], 0, options.operands[i]->span});
      }
    }
  } else if (name == "shred" || name == "truncate") {
    // Both overwrite every file they are given.
    constexpr std::array<std::string_view, 5> k_long_with_value = {"iterations", "size", "random-source", "reference",
                                                                   "io-blocks"};
    const Options options = parse_options(view.args, name == "shred" ? "ns" : "sr", k_long_with_value);
    for (const Word* operand : options.operands) {
      targets.push_back(WriteTarget{operand, 0, operand->span});
    }
  } else if (name == "dd") {
    for (const Word* arg : view.args) {
      if (arg->text.starts_with("of=")) {
        targets.push_back(WriteTarget{arg, 3, arg->span});
      }
    }
  }
  return targets;
}

bool tokens_run_downloader(const std::vector<Token>& tokens)
{
  bool command_position = true;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::op) {
      command_position = true;
      continue;
    }
    if (token.kind != TokenKind::word || !command_position) {
      continue;
    }
    if (is_assignment(token.word)) {
      continue;
    }
    const std::string name = command_name(token.word);
    if (is_downloader(name)) {
      return true;
    }
    // Wrappers keep the next word in command position.
    command_position = name == "sudo" || name == "env" || name == "command" || name == "nohup" || name == "exec";
  }
  return false;
}

} // namespace caro::safety
