// Runs every rule's own examples: each match example must produce a finding
// with the rule's id, each not-match example must not. This is what keeps the
// rule data (src/caro/safety/data/rules.toml) honest: a rule that never fires
// cannot ship.

#include "caro/safety/rules.h"
#include "caro/safety/validator.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace caro::safety {
namespace {

bool has_finding(const Assessment& assessment, std::string_view rule_id)
{
  for (const Finding& finding : assessment.findings) {
    if (finding.rule_id == rule_id) {
      return true;
    }
  }
  return false;
}

std::string describe(const Assessment& assessment)
{
  std::string text = "risk " + std::string(to_string(assessment.risk)) + ", findings:";
  for (const Finding& finding : assessment.findings) {
    text += " " + finding.rule_id + "(" + std::string(to_string(finding.risk)) + ")";
  }
  return text;
}

TEST(RuleTable, IdsAreUniqueAndEveryRuleHasExamples)
{
  std::set<std::string_view> ids;
  for (const auto set : rule_sets()) {
    for (const Rule& rule : set) {
      EXPECT_TRUE(ids.insert(rule.id).second) << "duplicate rule id " << rule.id;
      EXPECT_FALSE(rule.match_examples.empty()) << rule.id << " has no match examples";
      EXPECT_FALSE(rule.message.empty()) << rule.id << " has no message";
      EXPECT_NE(rule.id.find('.'), std::string_view::npos) << rule.id << " is not category.name";
      EXPECT_FALSE(rule.group.empty()) << rule.id;
    }
  }
  EXPECT_GE(ids.size(), 50U);
}

TEST(RuleTable, FindRuleLooksUpById)
{
  const Rule* rule = find_rule("fs.rm-recursive-root");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->risk, Risk::critical);
  EXPECT_EQ(find_rule("no.such-rule"), nullptr);
}

TEST(RuleTable, EveryMatchExampleProducesItsRule)
{
  const Validator validator;
  for (const auto set : rule_sets()) {
    for (const Rule& rule : set) {
      for (const std::string_view example : rule.match_examples) {
        const Assessment assessment = validator.assess(example);
        EXPECT_TRUE(has_finding(assessment, rule.id))
            << rule.id << " did not fire on: " << example << " (" << describe(assessment) << ")";
        EXPECT_GE(assessment.risk, rule.risk) << rule.id << " on: " << example;
      }
    }
  }
}

TEST(RuleTable, NoNotMatchExampleProducesItsRule)
{
  const Validator validator;
  for (const auto set : rule_sets()) {
    for (const Rule& rule : set) {
      for (const std::string_view example : rule.not_match_examples) {
        const Assessment assessment = validator.assess(example);
        EXPECT_FALSE(has_finding(assessment, rule.id))
            << rule.id << " fired on: " << example << " (" << describe(assessment) << ")";
      }
    }
  }
}

} // namespace
} // namespace caro::safety
