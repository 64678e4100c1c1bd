#pragma once

// One run of the validator over one command string: parses it (tree-sitter),
// walks every command (including nested ones: substitutions, subshells,
// groups, function bodies, `bash -c` strings, eval, find -exec, text piped
// into a shell), unwraps wrappers, applies the rule table and collects
// findings with spans into the original text.

#include "caro/safety/assessment.h"
#include "caro/safety/command_view.h"
#include "caro/safety/rules.h"

#include <deque>
#include <string_view>
#include <vector>

namespace caro::safety {

class Analysis
{
public:
  explicit Analysis(std::string_view original);

  // Checks the whole original command; returns the findings ordered by position.
  std::vector<Finding> run();

private:
  std::string_view m_original;
  BashParser m_parser; // one per run, reused for every re-parsed string
  std::vector<Finding> m_findings;
  std::size_t m_budget;                                 // bytes that may still be re-parsed; bounds the total work
  TargetClass m_working_directory = TargetClass::plain; // after an earlier `cd` in the list being checked
  std::vector<Binding> m_bindings;                      // variables whose values the script shows, innermost last
  std::deque<Word> m_bound_words;                       // values cut out of NAME=value words (stable addresses)

  CommandView view_of(const Command& command) const;
  // NAME=value (alone, or after export/declare/local/readonly/typeset): later
  // commands in the same list may expand NAME to value.
  void bind_assignments(const Command& command);
  void bind(const Word& assignment);

  void add(const Rule& rule, Span span, std::string_view detail = {});
  void add(std::string_view rule_id, Span span, std::string_view detail = {});
  void add_problem(const ParseProblem& problem);

  // Returns whether the text held at least one command.
  bool check_text(std::string_view text, const SpanMap& map, int depth);
  void check_script(const std::vector<Pipeline>& pipelines, int depth);
  void check_pipeline(const std::vector<Pipeline>& siblings, std::size_t index, int depth);
  void check_command(const Command& command, const std::vector<CommandView>& stages, std::size_t stage,
                     const std::vector<Pipeline>& siblings, std::size_t index, int depth);
  void check_view(const CommandView& view, int depth, std::vector<const Word*>& code_words);
  void check_shell(const CommandView& view, int depth, std::vector<const Word*>& code_words);
  // Raises the findings added since `mark` by one level (root privileges); with none, adds priv.sudo.
  void elevate(std::size_t mark, Span span);
  void check_substitutions(const Word& word, int depth);
  void check_word_as_code(const Word& word, int depth);
  void check_words_as_code(std::span<const Word* const> words, int depth);
  void run_rules(const CommandView& view);
};

} // namespace caro::safety
