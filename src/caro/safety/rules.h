#pragma once

// The rule table. Every rule is data in safety/data/rules.toml, compiled into
// the binary: id, category, risk, message, safer alternative, examples that
// must and must not trigger it, and a structured matcher over a CommandView
// (see rule_matcher.h). At build time the file becomes constant C++ tables
// (rule_source.h); they are compiled once, lazily, on first use; a malformed
// file is a programmer error that the unit tests catch.

#include "caro/core/types.h"
#include "caro/safety/assessment.h"
#include "caro/safety/command_view.h"
#include "caro/util/expected.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caro::safety {

struct MatcherSpec;    // rule_matcher.h
struct SourceDocument; // rule_source.h

// A rule's compiled matcher; empty for findings raised by the validator itself
// (parse problems, sudo). Called like a function: matcher(view) returns where
// the rule fires (usually view.span), or nullopt.
class MatcherRef
{
public:
  MatcherRef() = default;
  explicit MatcherRef(const std::vector<MatcherSpec>* alternatives) : m_alternatives(alternatives) {}

  std::optional<Span> operator()(const CommandView& view) const;
  explicit operator bool() const { return m_alternatives != nullptr; }
  const std::vector<MatcherSpec>* alternatives() const { return m_alternatives; }
  friend bool operator==(const MatcherRef& matcher, std::nullptr_t) { return matcher.m_alternatives == nullptr; }

private:
  const std::vector<MatcherSpec>* m_alternatives = nullptr; // any one that matches fires the rule
};

struct Rule
{
  std::string id;       // "fs.rm-recursive-root"
  std::string category; // "filesystem", "disk", "network", "system", "tools", "analysis"
  // Of the rules sharing a group, only the first that matches a command (in
  // file order) reports: `rm -rf /` is "root", not also "recursive rm".
  std::string group;
  Risk risk = Risk::safe;
  std::string message;
  std::string alternative;
  std::vector<std::string> match_examples;     // each must produce this rule's finding
  std::vector<std::string> not_match_examples; // none may
  std::string matcher_text;                    // the matcher as written in the data, for the docs
  MatcherRef matcher;                          // empty: raised by the validator itself
};

// A loaded rule file. Rules point at matchers owned by the set, so a set is
// only moved around whole.
class RuleSet
{
public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  std::span<const Rule> rules() const { return m_rules; }

private:
  friend Expected<RuleSet> compile_rules(const SourceDocument& document, std::string_view path);
  std::vector<Rule> m_rules;
  std::vector<std::unique_ptr<std::vector<MatcherSpec>>> m_matchers;
};

// Parses a rule file (TOML; the format is described at the top of
// safety/data/rules.toml). Errors name the file, line and rule.
Expected<RuleSet> load_rules(std::string_view text, std::string_view path = "rules.toml");

// Compiles rule data already read (from TOML, or the generated tables); the
// same checks and errors as load_rules.
Expected<RuleSet> compile_rules(const SourceDocument& document, std::string_view path);

// The rules, compiled on first call from the tables generated from
// safety/data/rules.toml at build time (no TOML is parsed). Throws
// std::logic_error when they are malformed (a programmer error; the tests
// load the TOML itself too).
std::span<const Rule> all_rules();

// Every rule set, in the order they are evaluated (one: the data file).
std::array<std::span<const Rule>, 1> rule_sets();

// The rules that can fire for a command with this (resolved) name, in file
// order: those whose matchers name it, and those that match any name
// (writes, predicates, globs). Rules raised by the validator are not listed.
std::span<const Rule* const> rules_for(std::string_view command_name);

// The rule with this id; nullptr when there is none.
const Rule* find_rule(std::string_view id);

} // namespace caro::safety
