#pragma once

// RAII over tree-sitter's C API and the bash grammar compiled into caro. The
// grammar (tree-sitter-bash, fetched from npm at configure time) must carry an
// ABI the linked runtime can load; that is checked at run time, because
// Debian's tree-sitter.pc does not report a usable version, and a mismatch is
// reported as a problem instead of a crash.

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::safety {

struct ParserDeleter
{
  void operator()(TSParser* parser) const noexcept;
};
struct TreeDeleter
{
  void operator()(TSTree* tree) const noexcept;
};
using ParserHandle = std::unique_ptr<TSParser, ParserDeleter>;
using TreeHandle = std::unique_ptr<TSTree, TreeDeleter>;

// Whether a grammar of this ABI version loads in the linked runtime.
bool abi_compatible(std::uint32_t version);

// Why the compiled-in bash grammar cannot be used; nullopt when it can.
std::optional<std::string> grammar_abi_problem();

// The node kinds the validator distinguishes; everything else is `other`.
enum class NodeKind : std::uint8_t {
  other,
  program,
  command,
  command_name,
  redirected_statement,
  pipeline,
  list,
  subshell,
  compound_statement,
  function_definition,
  negated_command,
  declaration_command,
  unset_command,
  variable_assignment,
  variable_assignments,
  compound, // if/while/for/case/test/arithmetic: flattened into their commands
  for_loop, // for/select NAME in WORDS: a compound whose variable takes the words
  clause,   // do_group, elif/else clauses, case items: their statements belong to the compound
  file_redirect,
  heredoc_redirect,
  herestring_redirect,
  heredoc_start,
  heredoc_body,
  file_descriptor,
  command_substitution,
  process_substitution,
  word, // any node that is one shell word: word, string, concatenation, expansion...
  variable_name,
  comment,
  error,
  ampersand, // the anonymous "&" that puts a statement in the background
};

class BashParser
{
public:
  // Never throws: when the grammar cannot be loaded, ok() is false and
  // problem() says why.
  BashParser();

  bool ok() const { return m_problem.empty(); }
  const std::string& problem() const { return m_problem; }

  // Parses `text`; nullptr when the parser gave up (time limit, size limit).
  TreeHandle parse(std::string_view text);

  NodeKind kind(TSNode node) const;

private:
  ParserHandle m_parser;
  std::string m_problem;
  const std::vector<NodeKind>* m_kinds = nullptr; // indexed by TSSymbol; shared, immutable
};

} // namespace caro::safety
