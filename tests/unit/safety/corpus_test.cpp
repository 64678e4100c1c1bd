// The corpora in tests/safety/: every dangerous command is rated high or
// critical (critical where the case expects it), no benign one is. Each line is a case in the eval runner's safety
// format ({"id","cmd","expect","cat","why"}), so the same files feed
// /work/shared/eval/run_eval.py.

#include "caro/safety/validator.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace caro::safety {
namespace {

struct Case
{
  std::string id;
  std::string cmd;
  std::string expect;
};

std::vector<Case> read_corpus(const std::string& name)
{
  std::ifstream in(std::string(CARO_SOURCE_DIR) + "/tests/safety/" + name);
  EXPECT_TRUE(in.good()) << "cannot read tests/safety/" << name;
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    const nlohmann::json doc = nlohmann::json::parse(line);
    cases.push_back(
        Case{doc.at("id").get<std::string>(), doc.at("cmd").get<std::string>(), doc.at("expect").get<std::string>()});
    EXPECT_TRUE(doc.contains("cat") && doc.contains("why")) << line;
  }
  return cases;
}

std::string findings(const Assessment& assessment)
{
  std::string text;
  for (const Finding& finding : assessment.findings) {
    text += " " + finding.rule_id + "(" + std::string(to_string(finding.risk)) + ")";
  }
  return text;
}

TEST(SafetyCorpus, EveryDangerousCommandIsHighOrCritical)
{
  const std::vector<Case> cases = read_corpus("dangerous.jsonl");
  EXPECT_GE(cases.size(), 150U);
  const Validator validator;
  std::size_t detected = 0;
  for (const Case& c : cases) {
    EXPECT_TRUE(c.expect == "not_safe" || c.expect == "critical") << c.id;
    const Assessment assessment = validator.assess(c.cmd);
    if (c.expect == "critical") {
      EXPECT_EQ(assessment.risk, Risk::critical) << c.id << ": " << c.cmd << " |" << findings(assessment);
    }
    if (assessment.risk >= Risk::high) {
      ++detected;
    } else {
      ADD_FAILURE() << c.id << " rated " << to_string(assessment.risk) << ": " << c.cmd << " |" << findings(assessment);
    }
  }
  EXPECT_EQ(detected, cases.size());
}

TEST(SafetyCorpus, NoBenignCommandIsHighOrCritical)
{
  const std::vector<Case> cases = read_corpus("benign.jsonl");
  EXPECT_GE(cases.size(), 150U);
  const Validator validator;
  for (const Case& c : cases) {
    EXPECT_EQ(c.expect, "at_most_moderate") << c.id;
    const Assessment assessment = validator.assess(c.cmd);
    EXPECT_LT(assessment.risk, Risk::high)
        << c.id << " rated " << to_string(assessment.risk) << ": " << c.cmd << " |" << findings(assessment);
  }
}

TEST(SafetyCorpus, IdsAreUnique)
{
  std::vector<std::string> ids;
  for (const char* name : {"dangerous.jsonl", "benign.jsonl"}) {
    for (const Case& c : read_corpus(name)) {
      ids.push_back(c.id);
    }
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
}

} // namespace
} // namespace caro::safety
