// docs/safety.md is generated from the rule data: this test fails when the
// file differs from what the rules render to. With CARO_WRITE_SAFETY_DOC=1 in
// the environment (scripts/update-safety-doc sets it) it rewrites the file
// instead, so the docs are never written by hand twice.

#include "caro/safety/rules.h"
#include "caro/safety/rules_doc.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace caro::safety {
namespace {

const std::string k_doc_path = std::string(CARO_SOURCE_DIR) + "/docs/safety.md";

std::string read_doc()
{
  std::ifstream in(k_doc_path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SafetyDoc, MatchesTheRuleData)
{
  const std::string current = read_doc();
  const std::string expected = replace_generated_block(current, render_rules_doc(all_rules()));
  ASSERT_FALSE(expected.empty()) << "docs/safety.md lacks the generated-block markers";
  const char* write = std::getenv("CARO_WRITE_SAFETY_DOC");
  if (write != nullptr && std::string(write) == "1" && expected != current) {
    std::ofstream(k_doc_path) << expected;
    return;
  }
  // Report the first differing line, not two copies of the whole file.
  std::size_t line = 1;
  std::size_t at = 0;
  while (at < current.size() && at < expected.size() && current[at] == expected[at]) {
    line += current[at] == '\n' ? 1 : 0;
    ++at;
  }
  EXPECT_TRUE(current == expected) << "docs/safety.md is out of date from line " << line
                                   << ": run scripts/update-safety-doc";
}

TEST(SafetyDoc, RendersEveryRuleWithItsExamples)
{
  const std::string doc = render_rules_doc(all_rules());
  for (const Rule& rule : all_rules()) {
    EXPECT_NE(doc.find("### " + rule.id + "\n"), std::string::npos) << rule.id;
    EXPECT_NE(doc.find(rule.message), std::string::npos) << rule.id;
  }
  EXPECT_NE(doc.find("| `strict` | high, critical | moderate |"), std::string::npos) << doc.substr(0, 400);
  EXPECT_NE(doc.find("| `permissive` | nothing | critical |"), std::string::npos);
}

TEST(SafetyDoc, ReplacesOnlyBetweenMarkers)
{
  const std::string doc = "intro\n" + std::string(k_doc_begin) + "\nold\n" + std::string(k_doc_end) + "\noutro\n";
  EXPECT_EQ(replace_generated_block(doc, "new\n"),
            "intro\n" + std::string(k_doc_begin) + "\nnew\n" + std::string(k_doc_end) + "\noutro\n");
  EXPECT_EQ(replace_generated_block("no markers", "x"), "");
}

} // namespace
} // namespace caro::safety
