// The intent tables generated at build time (tools/static_index) must be what
// the embedded data files give when built at run time: same intents, same
// terms, bit-identical BM25 weights. A failure here means the generator and
// the library disagree (a stale generated file or a generator bug).

#include "caro/backends/static/intent_catalog.h"
#include "caro/backends/static/intent_index.h"
#include "caro/backends/static/intent_tables.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/tokens.h"

#include <gtest/gtest.h>

namespace caro::backends {
namespace {

using namespace static_matcher;

TEST(IntentTables, CompiledTablesEqualTheTablesBuiltFromTheEmbeddedData)
{
  const IntentTables& compiled = compiled_intent_tables();
  const auto built = IntentTables::from_catalog(intent_catalog());
  const IntentTables& runtime = built->tables;

  ASSERT_EQ(compiled.intents.size(), runtime.intents.size());
  for (std::size_t i = 0; i < compiled.intents.size(); ++i) {
    const IntentInfo& a = compiled.intents[i];
    const IntentInfo& b = runtime.intents[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.category, b.category) << a.id;
    EXPECT_EQ(a.builder, b.builder) << a.id;
    EXPECT_EQ(a.required_slots, b.required_slots) << a.id;
    EXPECT_EQ(a.accepted_slots, b.accepted_slots) << a.id;
    EXPECT_EQ(a.checks_slots, b.checks_slots) << a.id;
    EXPECT_EQ(a.destructive, b.destructive) << a.id;
    EXPECT_EQ(a.threshold, b.threshold) << a.id;
    EXPECT_GE(a.calibrated, 0.0) << a.id; // calibrated only at build time (the generator runs the matcher)
    EXPECT_LE(a.calibrated, 1.0) << a.id;
  }
  ASSERT_EQ(compiled.terms.size(), runtime.terms.size());
  for (std::size_t i = 0; i < compiled.terms.size(); ++i) {
    EXPECT_EQ(compiled.terms[i].text, runtime.terms[i].text);
    EXPECT_EQ(compiled.terms[i].idf, runtime.terms[i].idf) << compiled.terms[i].text;
    EXPECT_EQ(compiled.terms[i].first, runtime.terms[i].first) << compiled.terms[i].text;
    EXPECT_EQ(compiled.terms[i].count, runtime.terms[i].count) << compiled.terms[i].text;
  }
  ASSERT_EQ(compiled.postings.size(), runtime.postings.size());
  for (std::size_t i = 0; i < compiled.postings.size(); ++i) {
    EXPECT_EQ(compiled.postings[i].intent, runtime.postings[i].intent);
    EXPECT_EQ(compiled.postings[i].frequency, runtime.postings[i].frequency);
    EXPECT_EQ(compiled.postings[i].weight, runtime.postings[i].weight);
  }
  ASSERT_EQ(compiled.lengths.size(), runtime.lengths.size());
  for (std::size_t i = 0; i < compiled.lengths.size(); ++i) {
    EXPECT_EQ(compiled.lengths[i], runtime.lengths[i]);
  }
  EXPECT_EQ(compiled.average_length, runtime.average_length);
}

TEST(IntentTables, TermsAreSortedSoLookupCanBisect)
{
  const IntentTables& compiled = compiled_intent_tables();
  ASSERT_FALSE(compiled.terms.empty());
  for (std::size_t i = 1; i < compiled.terms.size(); ++i) {
    EXPECT_LT(compiled.terms[i - 1].text, compiled.terms[i].text);
  }
}

TEST(IntentTables, CompiledIndexRanksLikeTheRuntimeIndex)
{
  const IntentIndex compiled(compiled_intent_tables());
  const IntentIndex runtime(intent_catalog());
  for (const char* request : {"list files", "files larger than 100MB", "show disk usage of each folder",
                              "which process is listening on port 8080", "undo my last commit"}) {
    Analysis analysis(tokenize(request));
    const Slots slots = extract_slots(analysis);
    const auto a = compiled.search(analysis, slots);
    const auto b = runtime.search(analysis, slots);
    ASSERT_EQ(a.size(), b.size()) << request;
    ASSERT_FALSE(a.empty()) << request;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].intent, b[i].intent) << request;
      EXPECT_EQ(a[i].score, b[i].score) << request;
    }
  }
}

TEST(IntentIndexTest, AFloorShareDropsIntentsFarBelowTheBest)
{
  const IntentIndex index(compiled_intent_tables());
  Analysis analysis(tokenize("files larger than 100MB"));
  const Slots slots = extract_slots(analysis);
  const auto all = index.search(analysis, slots);
  const auto near = index.search(analysis, slots, 0.5);
  ASSERT_FALSE(near.empty());
  EXPECT_LT(near.size(), all.size());
  EXPECT_EQ(near.front().intent, all.front().intent);
  for (const auto& hit : near) {
    EXPECT_GE(hit.score, all.front().score * 0.5);
  }
}

} // namespace
} // namespace caro::backends

namespace caro::backends {
namespace {

using namespace static_matcher;

TEST(IntentParser, ACategoryThresholdLineAfterAnIntentDeclaresTheCategory)
{
  IntentCatalog catalog;
  parse_intents("intent one\ncategory a\nbuilder git\nsay show the log\n\n"
                "category b threshold 0.8\n\n"
                "intent two\ncategory b\nbuilder git\nsay list branches\n",
                "t.intents", catalog);
  EXPECT_TRUE(catalog.errors.empty());
  ASSERT_EQ(catalog.intents.size(), 2U);
  EXPECT_EQ(catalog.intents[0].category, "a");
  const CategorySpec* b = catalog.category("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->threshold, 0.8);
}

TEST(IntentTables, EveryIntentCarriesItsCategorysFloorFromTheData)
{
  for (const IntentInfo& intent : compiled_intent_tables().intents) {
    if (intent.category == "processes_control") {
      EXPECT_EQ(intent.threshold, 0.8) << intent.id;
    }
    EXPECT_EQ(intent.category.find(' '), std::string_view::npos) << intent.id;
  }
}

} // namespace
} // namespace caro::backends
