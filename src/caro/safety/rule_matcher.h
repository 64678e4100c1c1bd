#pragma once

// The structured matcher of one rule, as compiled from the rule file: which
// utilities (and aliases), which leading operands (subcommands), which flags
// must or must not be present, what the targets are, what the command writes
// to, what feeds its stdin, and optionally one named C++ predicate for what
// data cannot say (fork bombs, inline interpreter code...). Every condition
// that is set must hold. Evaluation allocates only after the utility name
// matched, so the ~70 rules cost little per command.

#include "caro/safety/command_view.h"
#include "caro/safety/target.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::safety {

// A named matcher primitive in C++; returns where it fires or nullopt.
using NamedPredicate = std::optional<Span> (*)(const CommandView& view);

// "-r", "--recursive": any one present satisfies the set.
struct FlagSet
{
  std::string short_flags;
  std::vector<std::string> long_names;

  bool empty() const { return short_flags.empty() && long_names.empty(); }
  bool any_in(const Options& options) const;
};

// One leading operand: its alternatives (globs), and whether it may be absent.
struct OperandPattern
{
  std::vector<std::string> alternatives;
  bool optional = false;
};

enum class TargetOperands {
  operands,    // the operands left after the leading ones (default)
  after_first, // ...except the first (chmod MODE FILE...), unless --reference is given
  sources,     // all but the destination (mv SRC... DEST; with -t every operand)
  find_paths,  // find's start paths; none means "."
  arguments,   // every argument word, options included (mkfs -t ext4 /dev/sda)
};

enum class WriteKind { authentication, configuration, system, home, block_device };

struct MatcherSpec
{
  std::vector<std::string> commands; // utility names; "mkfs.*" globs
  // Split from `commands` at load time: exact names sorted for binary
  // search, and the globs; the name test runs for every rule on every command.
  std::vector<std::string> command_names;
  std::vector<std::string> command_globs;
  // Quick rejection before any string compare: bit (c % 64) for the first
  // character of every name and glob, bit min(length, 63) for exact names.
  std::uint64_t command_first_chars = 0;
  std::uint64_t command_lengths = 0;
  // How to split options: short and long options that take a value.
  std::string value_short;
  std::vector<std::string> value_long;
  std::vector<std::string_view> value_long_views; // views of value_long for parse_options
  bool stop_at_operand = false;

  std::vector<OperandPattern> operands; // leading operands ("system", "prune")
  bool options_after_operands = false;  // flags are read from the words after the leading operands only
  bool stop_after_operands = false;     // ...where the first operand ends the options (docker run IMAGE ARGS)

  std::vector<FlagSet> flags; // each set: at least one of its flags
  FlagSet not_flags;          // none of these

  std::vector<TargetClass> targets; // the (worst, or with any_target any) target class is one of these
  TargetOperands target_operands = TargetOperands::operands;
  bool any_target = false;

  std::vector<std::string> operand_any;  // some remaining operand matches one of these globs
  std::vector<std::string> arg_any;      // some argument matches one of these globs (case-insensitive)
  std::vector<std::string> arg_contains; // some argument contains one of these strings
  std::vector<WriteKind> writes_to;      // the command writes to such a file
  std::vector<std::string> write_paths;  // ...or to a path matching one of these globs
  std::vector<std::string> upstream;     // reads its program from stdin, fed by one of these
  NamedPredicate upstream_predicate = nullptr;
  NamedPredicate predicate = nullptr;
};

std::optional<Span> evaluate(const MatcherSpec& spec, const CommandView& view);

// Shell-style glob with `*` and `?` only, optionally ignoring ASCII case.
bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case = false);

} // namespace caro::safety
