// Every example and decline written in the intent data files
// (src/caro/backends/static/data/*.intents) is a test: the matcher, for the
// example's platform, must answer exactly the expected command or decline.
// Plus the data's own consistency: known builders, unique ids, categories,
// and the parser's error reporting.

#include "caro/backends/static/intent.h"
#include "caro/backends/static/intent_catalog.h"
#include "caro/backends/static/intent_index.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/static_matcher.h"
#include "caro/backends/static/tokens.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace caro::backends {
namespace {

using namespace static_matcher;

struct DataCase
{
  std::string intent;
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  std::string source;
};

void PrintTo(const DataCase& c, std::ostream* os)
{
  *os << c.source << " " << c.intent << " \"" << c.request << "\" [" << to_string(c.platform) << "]";
}

std::vector<DataCase> data_cases(bool declines)
{
  std::vector<DataCase> cases;
  for (const auto& intent : intent_catalog().intents) {
    for (const auto& example : intent.examples) {
      if (example.decline != declines) {
        continue;
      }
      if (example.decline) {
        cases.push_back(DataCase{intent.id, example.request, {}, Platform::gnu, example.source});
      }
      for (const auto& [platform, command] : example.expected) {
        cases.push_back(DataCase{intent.id, example.request, command, platform, example.source});
      }
    }
  }
  return cases;
}

std::string case_name(const testing::TestParamInfo<DataCase>& info)
{
  std::string name = info.param.intent + "_" + std::to_string(info.index);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      c = '_';
    }
  }
  return name;
}

Generation run(const DataCase& c)
{
  ExecutionContext context;
  context.platform = c.platform;
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{c.request, &context});
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? std::move(result).value() : Generation{};
}

class DataExample : public testing::TestWithParam<DataCase>
{
};

TEST_P(DataExample, AnswersTheExpectedCommand)
{
  const Generation generation = run(GetParam());
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, GetParam().expected);
  EXPECT_GT(generation.candidates.front().confidence, 0.0);
}

INSTANTIATE_TEST_SUITE_P(Intents, DataExample, testing::ValuesIn(data_cases(false)), case_name);

class DataDecline : public testing::TestWithParam<DataCase>
{
};

TEST_P(DataDecline, Declines)
{
  const Generation generation = run(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
}

INSTANTIATE_TEST_SUITE_P(Intents, DataDecline, testing::ValuesIn(data_cases(true)), case_name);

TEST(IntentData, ParsesWithoutErrors)
{
  const auto& errors = intent_catalog().errors;
  EXPECT_TRUE(errors.empty()) << errors.front();
}

TEST(IntentData, EveryIntentNamesAKnownBuilderAndHasAnExample)
{
  const auto& catalog = intent_catalog();
  ASSERT_FALSE(catalog.intents.empty());
  for (const auto& intent : catalog.intents) {
    EXPECT_NE(find_builder(intent.builder), nullptr) << intent.id << " names builder " << intent.builder;
    bool answered = false;
    for (const auto& example : intent.examples) {
      answered = answered || !example.decline;
    }
    EXPECT_TRUE(answered) << intent.id << " (" << intent.source << ") has no example to test";
    EXPECT_NE(catalog.category(intent.category), nullptr) << intent.id;
  }
}

TEST(IntentData, IntentIdsAreUnique)
{
  std::set<std::string> seen;
  for (const auto& intent : intent_catalog().intents) {
    EXPECT_TRUE(seen.insert(intent.id).second) << "duplicate intent id " << intent.id;
  }
}

TEST(IntentData, BuilderNamesAreUnique)
{
  std::set<std::string_view> seen;
  for (const auto& builder : builders()) {
    EXPECT_TRUE(seen.insert(builder.name).second) << "duplicate builder " << builder.name;
    EXPECT_NE(builder.build, nullptr) << builder.name;
  }
}

TEST(IntentDataParser, ReadsAnIntentWithSlotsExamplesAndACategoryThreshold)
{
  IntentCatalog catalog;
  parse_intents("# comment\ncategory risky threshold 0.8\n\nintent a.b\ncategory risky\nbuilder git\nrequires size\n"
                "accepts location\nsay one phrasing\nexample do it\n  gnu cmd-gnu\n  bsd cmd-bsd\ndecline do not\n",
                "t.intents", catalog);
  ASSERT_TRUE(catalog.errors.empty()) << catalog.errors.front();
  ASSERT_EQ(catalog.intents.size(), 1U);
  const IntentSpec& intent = catalog.intents.front();
  EXPECT_EQ(intent.id, "a.b");
  EXPECT_EQ(intent.builder, "git");
  EXPECT_EQ(intent.required_slots, static_cast<unsigned>(slot_size));
  EXPECT_EQ(intent.accepted_slots, static_cast<unsigned>(slot_size | slot_location));
  EXPECT_TRUE(intent.checks_slots);
  ASSERT_EQ(intent.examples.size(), 2U);
  ASSERT_EQ(intent.examples[0].expected.size(), 2U);
  EXPECT_EQ(intent.examples[0].expected[1].first, Platform::bsd);
  EXPECT_EQ(intent.examples[0].expected[1].second, "cmd-bsd");
  EXPECT_TRUE(intent.examples[1].decline);
  ASSERT_NE(catalog.category("risky"), nullptr);
  EXPECT_DOUBLE_EQ(catalog.category("risky")->threshold, 0.8);
}

TEST(IntentDataParser, ReportsMalformedLinesWithTheirPlace)
{
  IntentCatalog catalog;
  parse_intents("intent x\nbuilder git\nrequires sizes\nfrobnicate\n  gnu orphan\nexample e\n", "bad.intents", catalog);
  ASSERT_GE(catalog.errors.size(), 4U);
  EXPECT_NE(catalog.errors[0].find("bad.intents:3"), std::string::npos) << catalog.errors[0];
  bool no_category = false;
  for (const auto& error : catalog.errors) {
    no_category = no_category || error.find("no category") != std::string::npos;
  }
  EXPECT_TRUE(no_category);
}

TEST(IntentIndexTest, RanksTheIntentWhosePhrasingsShareTheRequestsTerms)
{
  IntentCatalog catalog;
  parse_intents("intent one\ncategory c\nbuilder git\nsay show the kernel version\n"
                "intent two\ncategory c\nbuilder git\nsay list the branches\n",
                "t.intents", catalog);
  const IntentIndex index(catalog);
  Analysis analysis(tokenize("which kernel version"));
  const Slots slots = extract_slots(analysis);
  const auto hits = index.search(analysis, slots);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(catalog.intents[hits.front().intent].id, "one");
  for (const auto& hit : hits) {
    EXPECT_NE(catalog.intents[hit.intent].id, "two");
  }
}

TEST(IntentIndexTest, SlotsBecomePseudoTermsSoDifferentSizesMatchAlike)
{
  Analysis a(tokenize("files over 2 gigs"));
  const Slots slots_a = extract_slots(a);
  const auto terms = index_terms(a, slots_a);
  EXPECT_NE(std::find(terms.begin(), terms.end(), "@size"), terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "file"), terms.end());
  EXPECT_EQ(std::find(terms.begin(), terms.end(), "gigs"), terms.end());
}

TEST(IntentData, HasAtLeastOneIntentPerEngineBuilder)
{
  std::set<std::string> named;
  for (const auto& intent : intent_catalog().intents) {
    named.insert(intent.builder);
  }
  for (const auto& builder : builders()) {
    EXPECT_TRUE(named.contains(std::string(builder.name))) << "no intent uses builder " << builder.name;
  }
}

} // namespace
} // namespace caro::backends
