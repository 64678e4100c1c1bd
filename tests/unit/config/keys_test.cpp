// The key table: complete, consistent, and helpful with misspellings.

#include "caro/config/settings.h"
#include "config_fixture.h"

#include <gtest/gtest.h>

#include <set>

namespace caro::config {
namespace {

TEST(ConfigKeys, ListsEveryDocumentedKeyInOrder)
{
  std::vector<std::string> names;
  for (const auto& key : keys()) {
    names.emplace_back(key.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"backend", "safety", "shell", "platform", "output", "color", "model",
                                             "static.min_confidence", "embedded.threads", "model_mirror", "telemetry",
                                             "history"}));
}

TEST(ConfigKeys, EveryKeyHasAnEnvironmentVariableAndAllowedValues)
{
  std::set<std::string_view> variables;
  for (const auto& key : keys()) {
    EXPECT_TRUE(key.env.starts_with("CARO_")) << key.name;
    EXPECT_FALSE(key.allowed.empty()) << key.name;
    EXPECT_FALSE(key.description.empty()) << key.name;
    EXPECT_TRUE(variables.insert(key.env).second) << "duplicate variable " << key.env;
  }
  EXPECT_EQ(find_key("static.min_confidence")->env, "CARO_STATIC_MIN_CONFIDENCE");
  EXPECT_EQ(find_key("safety")->allowed, "strict|moderate|permissive");
  EXPECT_EQ(find_key("static.min_confidence")->type, ValueType::number);
  EXPECT_EQ(find_key("embedded.threads")->env, "CARO_THREADS");
  EXPECT_EQ(find_key("embedded.threads")->type, ValueType::integer);
  EXPECT_EQ(find_key("model_mirror")->env, "CARO_MODEL_MIRROR");
  EXPECT_EQ(find_key("telemetry")->type, ValueType::boolean);
  EXPECT_EQ(find_key("history")->type, ValueType::boolean);
}

TEST(ConfigKeys, EveryKeyHasATestSample)
{
  for (const auto& key : keys()) {
    EXPECT_TRUE(testing::samples().contains(key.name)) << "no test sample for " << key.name;
  }
  EXPECT_EQ(testing::samples().size(), keys().size());
}

TEST(ConfigKeys, FindKeyIsExactAndCaseSensitive)
{
  ASSERT_NE(find_key("safety"), nullptr);
  EXPECT_EQ(find_key("safety")->name, "safety");
  EXPECT_EQ(find_key("Safety"), nullptr);
  EXPECT_EQ(find_key("min_confidence"), nullptr);
  EXPECT_EQ(find_key(""), nullptr);
}

TEST(ConfigKeys, SuggestsTheClosestKeyWithinTwoEdits)
{
  EXPECT_EQ(closest_key("saftey"), "safety");
  EXPECT_EQ(closest_key("colour"), "color");
  EXPECT_EQ(closest_key("backends"), "backend");
  EXPECT_EQ(closest_key("static.min_confidance"), "static.min_confidence");
  EXPECT_EQ(closest_key("min_confidence"), "static.min_confidence");
  EXPECT_EQ(closest_key("telemetri"), "telemetry");
  EXPECT_EQ(closest_key("threads"), "embedded.threads");
  EXPECT_EQ(closest_key("compression"), std::nullopt);
  EXPECT_EQ(closest_key(""), std::nullopt);
}

TEST(ConfigKeys, SourcesHaveTheirDocumentedNames)
{
  EXPECT_EQ(to_string(Source::default_value), "default");
  EXPECT_EQ(to_string(Source::file), "file");
  EXPECT_EQ(to_string(Source::environment), "environment");
  EXPECT_EQ(to_string(Source::flag), "flag");
}

} // namespace
} // namespace caro::config
