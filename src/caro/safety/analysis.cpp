// The validator's walk over a parsed command. Recursion is explicit and
// bounded: every nested level (substitution, re-checked string, wrapper)
// passes depth + 1 and stops at k_max_nesting with a "parse.too-deep"
// finding, and re-parsed text is charged to a byte budget proportional to
// the input, so even adversarial input is checked in roughly linear time.
// Words that are re-checked as code (bash -c '...', eval ...) are not also
// walked for substitutions, which would double the work at every level.

#include "caro/safety/analysis.h"

#include "caro/safety/computed_words.h"
#include "caro/safety/wrappers.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>
#include <tuple>

namespace caro::safety {

namespace {

// Time bounds. tree-sitter 0.20.7 and the walk cost up to ~0.5 us per byte
// on hostile shapes, so a check is kept within a few milliseconds by size:
// a longer command is refused (rated high: "too long to check"), and all the
// text parsed for one command, re-checked strings included, is capped too.
// Generated commands are a few hundred bytes.
constexpr std::size_t k_max_command_bytes = std::size_t{8} << 10;
constexpr std::size_t k_max_parsed_bytes = std::size_t{16} << 10;

bool calls(std::span<const Pipeline> pipelines, const std::string& name, int depth)
{
  if (depth > k_max_nesting) {
    return false;
  }
  for (const Pipeline& pipeline : pipelines) {
    for (const Command& command : pipeline.commands) {
      if (command.kind == Command::Kind::simple && !command.words.empty() &&
          command_name(*command.words.front()) == name) {
        return true;
      }
      if (command.kind != Command::Kind::function_definition && calls(command.body, name, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

bool contains(const std::vector<const Word*>& words, const Word* word)
{
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Spellings that hide a command from a word-level reading: rm${IFS}-rf${IFS}/
// (IFS splits the word) and {rm,-rf,/} (brace expansion builds the argv).
// Returns the command as the shell would see it, or nullopt when neither is used.
std::optional<std::string> reveal_hidden_words(const Command& command)
{
  bool changed = false;
  std::string out;
  for (std::size_t i = 0; i < command.words.size(); ++i) {
    const Word& word = *command.words[i];
    std::string text = word.text;
    for (auto it = word.expansions.rbegin(); it != word.expansions.rend(); ++it) {
      if (it->name == "IFS" && !it->quoted && it->offset + it->length <= text.size()) {
        text.replace(it->offset, it->length, 1, ' ');
        changed = true;
      }
    }
    if (i == 0 && !word.quoted && text.size() > 2 && text.front() == '{' && text.back() == '}' &&
        text.find(',') != std::string::npos && text.find(' ') == std::string::npos) {
      text = text.substr(1, text.size() - 2);
      std::replace(text.begin(), text.end(), ',', ' ');
      changed = true;
    }
    if (!out.empty()) {
      out.push_back(' ');
    }
    out.append(text);
  }
  return changed ? std::optional<std::string>(std::move(out)) : std::nullopt;
}

} // namespace

Analysis::Analysis(std::string_view original) : m_original(original), m_budget(k_max_parsed_bytes)
{
}

std::vector<Finding> Analysis::run()
{
  if (m_original.size() > k_max_command_bytes) {
    add("parse.too-deep", Span{0, m_original.size()},
        "it is too long to check (" + std::to_string(m_original.size()) + " bytes; the limit is " +
            std::to_string(k_max_command_bytes) + "), so it is treated as the worst it could be");
    m_findings.back().risk = Risk::critical; // unread text may hide anything: even permissive mode confirms it
    return std::move(m_findings);
  }
  const bool any_command = check_text(m_original, SpanMap{}, 0);
  if (!any_command && m_findings.empty()) {
    add("parse.empty", Span{0, m_original.size()});
  }
  std::stable_sort(m_findings.begin(), m_findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.span.begin, a.span.end, a.rule_id) < std::tie(b.span.begin, b.span.end, b.rule_id);
  });
  std::vector<Finding> unique;
  unique.reserve(m_findings.size());
  for (Finding& finding : m_findings) {
    if (!unique.empty() && unique.back().rule_id == finding.rule_id && unique.back().span.begin == finding.span.begin &&
        unique.back().span.end == finding.span.end) {
      if (finding.risk > unique.back().risk) {
        unique.back() = std::move(finding);
      }
      continue;
    }
    unique.push_back(std::move(finding));
  }
  return unique;
}

void Analysis::add(const Rule& rule, Span span, std::string_view detail)
{
  Finding finding;
  finding.rule_id = std::string(rule.id);
  finding.risk = rule.risk;
  finding.message = std::string(rule.message);
  if (!detail.empty()) {
    finding.message.append(": ").append(detail);
  }
  finding.alternative = std::string(rule.alternative);
  finding.span = span;
  m_findings.push_back(std::move(finding));
}

void Analysis::add(std::string_view rule_id, Span span, std::string_view detail)
{
  const Rule* rule = find_rule(rule_id);
  assert(rule != nullptr && "every finding the validator raises has a rule in the table");
  if (rule == nullptr) {
    Finding finding{std::string(rule_id), Risk::high, std::string(detail), {}, span};
    m_findings.push_back(std::move(finding));
    return;
  }
  add(*rule, span, detail);
}

void Analysis::add_problem(const ParseProblem& problem)
{
  add(problem.rule_id, problem.span, problem.message);
}

bool Analysis::check_text(std::string_view text, const SpanMap& map, int depth)
{
  if (depth > k_max_nesting) {
    add("parse.too-deep", map.map(0, text.size()));
    return false;
  }
  if (text.size() > m_budget) {
    add("parse.too-deep", map.map(0, text.size()),
        "there is too much nested text to check, so it is treated as the worst it could be");
    m_findings.back().risk = Risk::critical;
    return false;
  }
  m_budget -= text.size();
  const ParseResult parsed = parse(m_parser, text, map, depth);
  if (parsed.problem) {
    add_problem(*parsed.problem);
  }
  check_script(parsed.script.pipelines, depth);
  return !parsed.script.pipelines.empty();
}

CommandView Analysis::view_of(const Command& command) const
{
  CommandView view = plain_view(command);
  view.working_directory = m_working_directory;
  view.bindings = &m_bindings;
  return view;
}

void Analysis::bind(const Word& assignment)
{
  const std::size_t equals = assignment.text.find('=');
  if (equals == std::string::npos || equals == 0 || assignment.text[equals - 1] == '+') {
    return; // NAME+=value only appends
  }
  Word value;
  value.text = assignment.text.substr(equals + 1);
  value.span = assignment.span;
  value.span_exact = false;
  value.quoted = assignment.quoted;
  value.unquoted_glob = assignment.unquoted_glob;
  value.unquoted_variable = assignment.unquoted_variable;
  if (value.text.starts_with('~')) {
    value.expansions.push_back(Expansion{0, 1, "~", false}); // D=~ expands the tilde
  }
  for (const Expansion& expansion : assignment.expansions) {
    if (expansion.offset > equals) {
      Expansion moved = expansion;
      moved.offset -= equals + 1;
      value.expansions.push_back(std::move(moved));
    }
  }
  m_bound_words.push_back(std::move(value));
  m_bindings.push_back(Binding{assignment.text.substr(0, equals), {&m_bound_words.back()}});
}

void Analysis::bind_assignments(const Command& command)
{
  if (command.kind != Command::Kind::simple) {
    return;
  }
  if (command.words.empty()) {
    for (const Word* assignment : command.assignments) {
      bind(*assignment);
    }
    return;
  }
  const std::string name = command_name(*command.words.front());
  if (name != "export" && name != "declare" && name != "local" && name != "readonly" && name != "typeset") {
    return;
  }
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    if (is_assignment(*command.words[i])) {
      bind(*command.words[i]);
    }
  }
}

void Analysis::check_script(const std::vector<Pipeline>& pipelines, int depth)
{
  // `cd DIR` changes what "everything here" means for the commands after it
  // in the same list, and NAME=value what $NAME may be; a subshell or group
  // keeps its own.
  const TargetClass outer_directory = m_working_directory;
  const std::size_t outer_bindings = m_bindings.size();
  for (std::size_t i = 0; i < pipelines.size(); ++i) {
    check_pipeline(pipelines, i, depth);
    const Pipeline& pipeline = pipelines[i];
    if (pipeline.commands.size() == 1 && !pipeline.background) {
      bind_assignments(pipeline.commands.front());
    }
    if (pipeline.commands.size() == 1 && !pipeline.background) {
      const Command& command = pipeline.commands.front();
      if (command.kind == Command::Kind::simple && !command.words.empty() &&
          command_name(*command.words.front()) == "cd") {
        m_working_directory = command.words.size() >= 2 ? classify_target(*command.words[1]) : TargetClass::home;
        if (m_working_directory == TargetClass::all_files) {
          m_working_directory = TargetClass::unknown; // cd .. from an unknown place
        }
      }
    }
  }
  m_working_directory = outer_directory;
  m_bindings.resize(outer_bindings);
}

void Analysis::check_pipeline(const std::vector<Pipeline>& siblings, std::size_t index, int depth)
{
  const Pipeline& pipeline = siblings[index];
  // Each stage is seen through its wrappers, so `curl x | sudo bash` pipes into bash.
  std::vector<CommandView> stages;
  stages.reserve(pipeline.commands.size());
  for (const Command& command : pipeline.commands) {
    stages.push_back(innermost(view_of(command)));
  }
  for (std::size_t i = 0; i < stages.size(); ++i) {
    stages[i].pipeline = &stages;
    stages[i].stage = i;
  }
  for (std::size_t i = 0; i < pipeline.commands.size(); ++i) {
    check_command(pipeline.commands[i], stages, i, siblings, index, depth);
  }
}

void Analysis::check_command(const Command& command, const std::vector<CommandView>& stages, std::size_t stage,
                             const std::vector<Pipeline>& siblings, std::size_t index, int depth)
{
  CommandView view = view_of(command);
  view.pipeline = &stages;
  view.stage = stage;
  for (const Token* redirect : command.redirects) {
    check_substitutions(redirect->word, depth);
  }
  switch (command.kind) {
  case Command::Kind::subshell:
  case Command::Kind::group:
    run_rules(view);
    if (!command.loop_variable.empty()) {
      // `for d in / ~; do rm -rf $d; done`: inside the loop $d is each word.
      m_bindings.push_back(Binding{command.loop_variable, command.loop_values});
      check_script(command.body, depth);
      m_bindings.pop_back();
      return;
    }
    check_script(command.body, depth);
    return;
  case Command::Kind::function_definition:
    view.function_called = calls(std::span<const Pipeline>(siblings).subspan(index + 1), command.function_name, 0);
    run_rules(view);
    check_script(command.body, depth);
    return;
  case Command::Kind::compound_end:
    run_rules(view);
    return;
  case Command::Kind::simple:
    break;
  }
  for (const Word* assignment : command.assignments) {
    check_substitutions(*assignment, depth);
  }
  std::vector<const Word*> code_words;
  if (view.name_word == nullptr) {
    run_rules(view);
  } else {
    check_view(view, depth, code_words);
  }
  for (const Word* word : command.words) {
    if (!contains(code_words, word)) {
      check_substitutions(*word, depth);
    }
  }
  if (const std::optional<std::string> revealed = reveal_hidden_words(command)) {
    check_text(*revealed, SpanMap{0, command.span}, depth + 1);
  }
  // `$(printf 'rm -rf /')`, `a=rm; $a -rf /`: what the computed command runs.
  const ComputedCommand computed = read_computed_command(command, m_bindings);
  if (computed.text) {
    check_text(*computed.text, SpanMap{0, command.span}, depth + 1);
    if (computed.text->find('\n') != std::string::npos) {
      std::string words = *computed.text;
      std::replace(words.begin(), words.end(), '\n', ' ');
      check_text(words, SpanMap{0, command.span}, depth + 1);
    }
  } else if (computed.decodes_hidden_text) {
    add("obf.decode-to-shell", command.words.front()->span);
  }
}

void Analysis::check_view(const CommandView& view, int depth, std::vector<const Word*>& code_words)
{
  if (depth > k_max_nesting) {
    add("parse.too-deep", view.span);
    return;
  }
  const Unwrapped unwrapped = unwrap(view);
  if (unwrapped.kind == WrapperKind::privilege) {
    if (!unwrapped.inner || unwrapped.inner->name_word == nullptr) {
      add("priv.sudo", view.span);
      return;
    }
    const std::size_t mark = m_findings.size();
    check_view(*unwrapped.inner, depth + 1, code_words);
    elevate(mark, view.span);
    return;
  }
  if (unwrapped.kind != WrapperKind::none) {
    if (unwrapped.inner && unwrapped.inner->name_word != nullptr) {
      check_view(*unwrapped.inner, depth + 1, code_words);
    } else {
      run_rules(view);
    }
    return;
  }
  run_rules(view);
  const std::string& name = view.name;
  if (is_shell(name)) {
    check_shell(view, depth, code_words);
  } else if (name == "eval") {
    code_words.insert(code_words.end(), view.args.begin(), view.args.end());
    check_words_as_code(view.args, depth + 1);
  } else if (name == "alias") {
    // alias ls='rm -rf /': the value runs whenever the name is typed.
    for (const Word* definition : view.args) {
      const std::size_t equals = definition->text.find('=');
      if (equals == std::string::npos || equals == 0) {
        continue;
      }
      code_words.push_back(definition);
      check_text(std::string_view(definition->text).substr(equals + 1), SpanMap{0, definition->span}, depth + 1);
    }
  } else if (name == "watch") {
    constexpr std::array<std::string_view, 1> k_long = {"interval"};
    const Options options = parse_options(view.args, "nq", k_long, true);
    if (options.operand_indices.empty()) {
      return;
    }
    const auto operands = std::span<const Word* const>(view.args).subspan(options.operand_indices.front());
    if (options.has('x') || options.has("exec")) {
      check_view(inner_view(view, operands, 0), depth + 1, code_words);
    } else {
      code_words.insert(code_words.end(), operands.begin(), operands.end());
      check_words_as_code(operands, depth + 1);
    }
  } else if (name == "su") {
    constexpr std::array<std::string_view, 2> k_long = {"command", "shell"};
    const Options options = parse_options(view.args, "cs", k_long, false);
    const Word* code = options.value("c");
    if (code == nullptr) {
      code = options.value("command");
    }
    if (code != nullptr && !code->text.starts_with('-')) {
      code_words.push_back(code);
      const std::size_t mark = m_findings.size();
      check_word_as_code(*code, depth + 1);
      elevate(mark, view.span);
    }
  } else if (name == "ssh") {
    // ssh HOST COMMAND...: the remote shell runs the rest as a command line.
    const Options options = parse_options(view.args, "BbcDEeFIiJLlmOopQRSWw", {}, true);
    if (options.operand_indices.size() >= 2) {
      const auto remote = std::span<const Word* const>(view.args).subspan(options.operand_indices[1]);
      code_words.insert(code_words.end(), remote.begin(), remote.end());
      check_words_as_code(remote, depth + 1);
    }
  } else if (name == "find") {
    const std::span<const Word* const> args(view.args);
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& text = args[i]->text;
      if (text != "-exec" && text != "-execdir" && text != "-ok" && text != "-okdir") {
        continue;
      }
      std::size_t end = i + 1;
      while (end < args.size() && args[end]->text != ";" && args[end]->text != "+") {
        ++end;
      }
      if (end > i + 1) {
        CommandView inner = inner_view(view, args.subspan(i + 1, end - i - 1), 0);
        inner.found_files = true;
        inner.owns_redirects = false;
        inner.pipeline = nullptr;
        inner.stage = 0;
        check_view(inner, depth + 1, code_words);
      }
      i = end;
    }
  }
}

void Analysis::elevate(std::size_t mark, Span span)
{
  if (m_findings.size() == mark) {
    add("priv.sudo", span);
    return;
  }
  for (std::size_t i = mark; i < m_findings.size(); ++i) {
    m_findings[i].risk = raise_risk(m_findings[i].risk);
    m_findings[i].message.append(" (with root privileges)");
  }
}

void Analysis::check_shell(const CommandView& view, int depth, std::vector<const Word*>& code_words)
{
  constexpr std::array<std::string_view, 2> k_long = {"rcfile", "init-file"};
  const Options options = parse_options(view.args, "oO", k_long, true);
  if (options.has('c')) {
    if (!options.operands.empty()) {
      code_words.push_back(options.operands.front());
      check_word_as_code(*options.operands.front(), depth + 1);
    }
    return;
  }
  if (!reads_program_from_stdin(view)) {
    return;
  }
  if (view.owns_redirects && view.command != nullptr) {
    for (const Token* redirect : view.command->redirects) {
      if (redirect->op == "<<<") {
        check_word_as_code(redirect->word, depth + 1);
      } else if (redirect->op == "<<" || redirect->op == "<<-") {
        check_text(redirect->heredoc_body, SpanMap{0, redirect->span}, depth + 1);
      }
    }
  }
  if (view.pipeline != nullptr && view.stage > 0 && view.stage <= view.pipeline->size()) {
    const CommandView& previous = (*view.pipeline)[view.stage - 1];
    if (previous.name == "echo" || previous.name == "printf") {
      // echo's own options are not part of the text it prints.
      check_words_as_code(previous.name == "echo" ? parse_echo(previous.args).operands
                                                  : std::span<const Word* const>(previous.args),
                          depth + 1);
    } else if (previous.name == "cat" && previous.args.empty() && previous.owns_redirects &&
               previous.command != nullptr) {
      // cat <<EOF | sh, cat <<< '...' | sh: the document is the program.
      for (const Token* redirect : previous.command->redirects) {
        if (redirect->op == "<<<") {
          check_word_as_code(redirect->word, depth + 1);
        } else if (redirect->op == "<<" || redirect->op == "<<-") {
          check_text(redirect->heredoc_body, SpanMap{0, redirect->span}, depth + 1);
        }
      }
    }
  }
}

void Analysis::check_substitutions(const Word& word, int depth)
{
  for (const Substitution& substitution : word.substitutions) {
    if (depth + 1 > k_max_nesting) {
      add("parse.too-deep", substitution.span);
      continue;
    }
    if (substitution.script) {
      check_script(substitution.script->pipelines, depth + 1);
    }
  }
}

void Analysis::check_word_as_code(const Word& word, int depth)
{
  // Keep exact spans when the code is the quoted text verbatim ('rm -rf /'),
  // otherwise point every nested finding at the whole word.
  SpanMap map{0, word.span};
  const Span span = word.span;
  if (word.span_exact && span.begin <= span.end && span.end <= m_original.size()) {
    const std::string_view raw = m_original.substr(span.begin, span.end - span.begin);
    const std::string_view text = word.text;
    if (raw == text) {
      map = SpanMap{span.begin, std::nullopt};
    } else if (raw.size() == text.size() + 2 && (raw.front() == '\'' || raw.front() == '"') &&
               raw.back() == raw.front() && raw.substr(1, text.size()) == text) {
      map = SpanMap{span.begin + 1, std::nullopt};
    }
  }
  check_text(word.text, map, depth);
}

void Analysis::check_words_as_code(std::span<const Word* const> words, int depth)
{
  if (words.empty()) {
    return;
  }
  if (words.size() == 1) {
    check_word_as_code(*words.front(), depth);
    return;
  }
  std::string joined;
  for (const Word* word : words) {
    if (!joined.empty()) {
      joined.push_back(' ');
    }
    joined.append(word->text);
  }
  const Span whole{words.front()->span.begin, std::max(words.front()->span.end, words.back()->span.end)};
  check_text(joined, SpanMap{0, whole}, depth);
}

void Analysis::run_rules(const CommandView& view)
{
  // Only the rules that can fire for this name (rules_for), in file order.
  std::vector<std::string_view> fired_groups;
  for (const Rule* rule : rules_for(view.name)) {
    if (std::find(fired_groups.begin(), fired_groups.end(), rule->group) != fired_groups.end()) {
      continue;
    }
    if (const std::optional<Span> span = rule->matcher(view)) {
      add(*rule, *span);
      fired_groups.push_back(rule->group);
    }
  }
}

} // namespace caro::safety
