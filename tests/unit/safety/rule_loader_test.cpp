// The rule file format: the embedded file loads, every malformed input is an
// error naming its line and rule, and each matcher primitive behaves as the
// format's comment says (checked on small rule files written here).

#include "caro/safety/rule_matcher.h"
#include "caro/safety/rule_predicates.h"
#include "caro/safety/rule_source.h"
#include "caro/safety/rules.h"
#include "caro/util/embedded_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace caro::safety {
namespace {

std::string rule_with(std::string_view extra)
{
  return std::string("[[rule]]\nid = \"t.rule\"\ncategory = \"test\"\ngroup = \"t\"\nrisk = \"high\"\n"
                     "message = \"m\"\n") +
         std::string(extra);
}

std::string load_error(std::string_view text)
{
  Expected<RuleSet> loaded = load_rules(text, "test.toml");
  return loaded ? std::string() : loaded.error().message;
}

TEST(RuleLoader, EmbeddedRuleFileLoads)
{
  const auto text = util::embedded_file("safety/data/rules.toml");
  ASSERT_TRUE(text.has_value());
  Expected<RuleSet> loaded = load_rules(*text);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->rules().size(), all_rules().size());
}

// The validator uses the tables generated from rules.toml at build time; they
// must say exactly what the file says.
TEST(RuleLoader, GeneratedTablesMatchTheRuleFile)
{
  const auto text = util::embedded_file("safety/data/rules.toml");
  ASSERT_TRUE(text.has_value());
  Expected<RuleSet> loaded = load_rules(*text);
  ASSERT_TRUE(loaded) << loaded.error().message;
  const std::span<const Rule> generated = all_rules();
  ASSERT_EQ(loaded->rules().size(), generated.size());
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const Rule& from_file = loaded->rules()[i];
    const Rule& from_tables = generated[i];
    EXPECT_EQ(from_tables.id, from_file.id);
    EXPECT_EQ(from_tables.category, from_file.category) << from_file.id;
    EXPECT_EQ(from_tables.group, from_file.group) << from_file.id;
    EXPECT_EQ(from_tables.risk, from_file.risk) << from_file.id;
    EXPECT_EQ(from_tables.message, from_file.message) << from_file.id;
    EXPECT_EQ(from_tables.alternative, from_file.alternative) << from_file.id;
    EXPECT_EQ(from_tables.match_examples, from_file.match_examples) << from_file.id;
    EXPECT_EQ(from_tables.not_match_examples, from_file.not_match_examples) << from_file.id;
    EXPECT_EQ(from_tables.matcher_text, from_file.matcher_text) << from_file.id;
    EXPECT_EQ(static_cast<bool>(from_tables.matcher), static_cast<bool>(from_file.matcher)) << from_file.id;
  }
}

TEST(RuleLoader, GeneratedSourceKeepsLinesForErrors)
{
  const SourceDocument document = generated_rule_source();
  ASSERT_TRUE(document.has_rules);
  ASSERT_FALSE(document.rules.empty());
  EXPECT_GT(document.rules.front().line, 1U);
  EXPECT_FALSE(document.rules.front().values.empty());
}

TEST(RuleLoader, RejectsBrokenToml)
{
  EXPECT_NE(load_error("[[rule]\nid = "), "");
}

TEST(RuleLoader, RejectsUnknownKeysWithTheirLine)
{
  const std::string error = load_error(rule_with("[rule.when]\ncomand = [\"rm\"]\n"));
  EXPECT_NE(error.find("test.toml:8"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown matcher key 'comand'"), std::string::npos) << error;
  EXPECT_NE(load_error(rule_with("mesage = \"x\"\n[rule.when]\ncommand = [\"rm\"]\n")), "");
}

TEST(RuleLoader, RejectsUnknownRiskPredicateTargetAndWrite)
{
  EXPECT_NE(load_error("[[rule]]\nid=\"a.b\"\ncategory=\"c\"\ngroup=\"g\"\nrisk=\"severe\"\nmessage=\"m\"\n"
                       "[rule.when]\ncommand=[\"rm\"]\n")
                .find("unknown risk"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\npredicate = \"no_such\"\n")).find("unknown predicate"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\ntargets = [\"moon\"]\n")).find("unknown target class"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\nwrites_to = [\"moon\"]\n")).find("unknown writes_to"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\nflags = [\"r\"]\n")).find("is not -x or --name"), std::string::npos);
}

TEST(RuleLoader, RejectsMissingFieldsDuplicatesAndMatcherlessRules)
{
  EXPECT_NE(load_error("[[rule]]\nid = \"a.b\"\n").find("missing 'category'"), std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\ncommand=[\"a\"]\n") + rule_with("[rule.when]\ncommand=[\"b\"]\n"))
                .find("duplicate id"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("")).find("exactly one of"), std::string::npos);
  EXPECT_NE(load_error(rule_with("raised_by = \"validator\"\n[rule.when]\ncommand=[\"a\"]\n")).find("exactly one of"),
            std::string::npos);
  EXPECT_NE(load_error(rule_with("[rule.when]\n")).find("at least one condition"), std::string::npos);
}

TEST(RuleLoader, DescribesTheMatcherForTheDocs)
{
  Expected<RuleSet> loaded =
      load_rules(rule_with("[[rule.when]]\ncommand = [\"rm\"]\nflags = [\"-r\", \"--recursive\"]\n"
                           "targets = [\"root\"]\n[[rule.when]]\ncommand = [\"x\"]\n"));
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->rules()[0].matcher_text, "command rm; flags -r|--recursive; target root OR command x");
}

TEST(GlobMatch, StarsQuestionMarksAndCase)
{
  EXPECT_TRUE(glob_match("mkfs.*", "mkfs.ext4"));
  EXPECT_FALSE(glob_match("mkfs.*", "mkfs"));
  EXPECT_TRUE(glob_match("*exec:*", "tcp:1:2,exec:/bin/sh"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("a?c", "ac"));
  EXPECT_TRUE(glob_match("*EXEC:*", "exec:sh", true));
  EXPECT_FALSE(glob_match("*EXEC:*", "exec:sh", false));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(Predicates, EveryNameResolves)
{
  for (const std::string_view name : predicate_names()) {
    EXPECT_NE(find_predicate(name), nullptr) << name;
  }
  EXPECT_EQ(find_predicate("nope"), nullptr);
}

TEST(RuleSetLookup, EveryRuleHasAMatcherOrIsRaisedByTheValidator)
{
  int raised_by_validator = 0;
  for (const Rule& rule : all_rules()) {
    if (rule.matcher == nullptr) {
      ++raised_by_validator;
      EXPECT_EQ(rule.matcher_text, "raised by the validator itself") << rule.id;
    } else {
      EXPECT_FALSE(rule.matcher_text.empty()) << rule.id;
    }
  }
  EXPECT_EQ(raised_by_validator, 4); // parse.error, parse.empty, parse.too-deep, priv.sudo
}

} // namespace
} // namespace caro::safety

namespace caro::safety {
namespace {

bool lists(std::span<const Rule* const> rules, const Rule& rule)
{
  return std::find(rules.begin(), rules.end(), &rule) != rules.end();
}

TEST(RuleSetLookup, RulesForANameHoldEveryRuleThatCanFireForItInFileOrder)
{
  const std::span<const Rule* const> unknown = rules_for("no-such-command");
  for (const Rule& rule : all_rules()) {
    if (!rule.matcher) {
      EXPECT_FALSE(lists(unknown, rule)) << rule.id;
      continue;
    }
    bool names_only = true;
    for (const MatcherSpec& spec : *rule.matcher.alternatives()) {
      names_only = names_only && !spec.commands.empty() && spec.command_globs.empty();
      for (const std::string& name : spec.command_names) {
        EXPECT_TRUE(lists(rules_for(name), rule)) << rule.id << " for " << name;
      }
    }
    EXPECT_EQ(lists(unknown, rule), !names_only) << rule.id;
  }
  for (const std::string_view name : {"rm", "dd", "", "mkfs.ext4", "no-such-command"}) {
    const std::span<const Rule* const> rules = rules_for(name);
    EXPECT_TRUE(std::is_sorted(rules.begin(), rules.end())) << name; // file order: rules are stored in order
  }
}

} // namespace
} // namespace caro::safety
