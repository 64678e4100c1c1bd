// The tree-sitter front end: one parser handle per validator run, a node-kind
// table computed once from the grammar's symbol names (so the tree walk
// compares small integers instead of strings), and the ABI check.

#include "caro/safety/bash_tree.h"

#include <cstring>
#include <limits>
#include <utility>

extern "C" const TSLanguage* tree_sitter_bash(void);

namespace caro::safety {

namespace {

// A parse that takes longer than this is abandoned and rated as unparsable;
// a safety net against pathological error recovery, far above real inputs.
constexpr std::uint64_t k_parse_timeout_micros = 1'000'000;

struct NamedKind
{
  const char* name;
  NodeKind kind;
};

constexpr NamedKind k_named_kinds[] = {
    {"program", NodeKind::program},
    {"command", NodeKind::command},
    {"command_name", NodeKind::command_name},
    {"redirected_statement", NodeKind::redirected_statement},
    {"pipeline", NodeKind::pipeline},
    {"list", NodeKind::list},
    {"subshell", NodeKind::subshell},
    {"compound_statement", NodeKind::compound_statement},
    {"function_definition", NodeKind::function_definition},
    {"negated_command", NodeKind::negated_command},
    {"declaration_command", NodeKind::declaration_command},
    {"unset_command", NodeKind::unset_command},
    {"variable_assignment", NodeKind::variable_assignment},
    {"variable_assignments", NodeKind::variable_assignments},
    {"if_statement", NodeKind::compound},
    {"while_statement", NodeKind::compound},
    {"for_statement", NodeKind::for_loop},
    {"c_style_for_statement", NodeKind::compound},
    {"case_statement", NodeKind::compound},
    {"test_command", NodeKind::compound},
    {"do_group", NodeKind::clause},
    {"elif_clause", NodeKind::clause},
    {"else_clause", NodeKind::clause},
    {"case_item", NodeKind::clause},
    {"file_redirect", NodeKind::file_redirect},
    {"heredoc_redirect", NodeKind::heredoc_redirect},
    {"herestring_redirect", NodeKind::herestring_redirect},
    {"heredoc_start", NodeKind::heredoc_start},
    {"heredoc_body", NodeKind::heredoc_body},
    {"file_descriptor", NodeKind::file_descriptor},
    {"command_substitution", NodeKind::command_substitution},
    {"process_substitution", NodeKind::process_substitution},
    {"word", NodeKind::word},
    {"string", NodeKind::word},
    {"raw_string", NodeKind::word},
    {"ansi_c_string", NodeKind::word},
    {"translated_string", NodeKind::word},
    {"concatenation", NodeKind::word},
    {"simple_expansion", NodeKind::word},
    {"expansion", NodeKind::word},
    {"arithmetic_expansion", NodeKind::word},
    {"number", NodeKind::word},
    {"brace_expression", NodeKind::word},
    {"extglob_pattern", NodeKind::word},
    {"test_operator", NodeKind::word},
    {"regex", NodeKind::word},
    {"array", NodeKind::word},
    {"special_variable_name", NodeKind::word},
    {"variable_name", NodeKind::variable_name},
    {"comment", NodeKind::comment},
    {"ERROR", NodeKind::error},
};

// Symbol id -> kind for the compiled-in grammar. Computed on first use and
// constant afterwards (thread-safe local static): matching every symbol name
// once per parser cost more than the parse of a typical command.
const std::vector<NodeKind>& kind_table()
{
  static const std::vector<NodeKind> table = [] {
    const TSLanguage* language = tree_sitter_bash();
    const std::uint32_t count = ts_language_symbol_count(language);
    std::vector<NodeKind> kinds(count, NodeKind::other);
    for (std::uint32_t symbol = 0; symbol < count; ++symbol) {
      const auto id = static_cast<TSSymbol>(symbol);
      const char* name = ts_language_symbol_name(language, id);
      if (name == nullptr) {
        continue;
      }
      if (ts_language_symbol_type(language, id) != TSSymbolTypeRegular) {
        if (std::strcmp(name, "&") == 0) {
          kinds[symbol] = NodeKind::ampersand;
        }
        continue;
      }
      for (const NamedKind& named : k_named_kinds) {
        if (std::strcmp(name, named.name) == 0) {
          kinds[symbol] = named.kind;
          break;
        }
      }
    }
    return kinds;
  }();
  return table;
}

} // namespace

void ParserDeleter::operator()(TSParser* parser) const noexcept
{
  ts_parser_delete(parser);
}

void TreeDeleter::operator()(TSTree* tree) const noexcept
{
  ts_tree_delete(tree);
}

bool abi_compatible(std::uint32_t version)
{
  return version >= TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION && version <= TREE_SITTER_LANGUAGE_VERSION;
}

std::optional<std::string> grammar_abi_problem()
{
  const std::uint32_t version = ts_language_version(tree_sitter_bash());
  if (abi_compatible(version)) {
    return std::nullopt;
  }
  return "the bash grammar has ABI version " + std::to_string(version) + ", but the tree-sitter runtime loads " +
         std::to_string(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION) + " to " +
         std::to_string(TREE_SITTER_LANGUAGE_VERSION);
}

BashParser::BashParser()
{
  if (auto problem = grammar_abi_problem()) {
    m_problem = std::move(*problem);
    return;
  }
  const TSLanguage* language = tree_sitter_bash();
  m_parser.reset(ts_parser_new());
  if (!m_parser || !ts_parser_set_language(m_parser.get(), language)) {
    m_problem = "the tree-sitter parser could not load the bash grammar";
    m_parser.reset();
    return;
  }
  ts_parser_set_timeout_micros(m_parser.get(), k_parse_timeout_micros);
  m_kinds = &kind_table();
}

TreeHandle BashParser::parse(std::string_view text)
{
  if (!m_parser || text.size() > std::numeric_limits<std::uint32_t>::max()) {
    return nullptr;
  }
  TreeHandle tree(
      ts_parser_parse_string(m_parser.get(), nullptr, text.data(), static_cast<std::uint32_t>(text.size())));
  if (!tree) {
    ts_parser_reset(m_parser.get()); // a timed-out parse must not resume on the next text
  }
  return tree;
}

NodeKind BashParser::kind(TSNode node) const
{
  if (ts_node_is_null(node)) {
    return NodeKind::other;
  }
  const TSSymbol symbol = ts_node_symbol(node);
  if (symbol == static_cast<TSSymbol>(-1)) { // ts_builtin_sym_error
    return NodeKind::error;
  }
  return m_kinds != nullptr && symbol < m_kinds->size() ? (*m_kinds)[symbol] : NodeKind::other;
}

} // namespace caro::safety
