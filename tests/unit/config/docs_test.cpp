// docs/config.md must describe every key of keys(): its name, environment
// variable, default and allowed values, so the documentation cannot drift.

#include "caro/config/settings.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

namespace caro::config {
namespace {

// Built by appending: g++ 12 warns falsely (-Wrestrict) about "`" + std::string.
std::string backticked(std::string_view text)
{
  std::string out = "`";
  out += text;
  out += '`';
  return out;
}

TEST(ConfigDocs, DescribeEveryKeyVariableDefaultAndAllowedValue)
{
  const std::string doc = caro::testing::read_file(std::string(CARO_SOURCE_DIR) + "/docs/config.md");
  ASSERT_FALSE(doc.empty());
  const Settings defaults;
  for (const auto& key : keys()) {
    const std::string row = "| " + backticked(key.name) + " |";
    const auto at = doc.find(row);
    ASSERT_NE(at, std::string::npos) << "no table row for " << key.name;
    const std::string line = doc.substr(at, doc.find('\n', at) - at);
    EXPECT_NE(line.find(backticked(key.env)), std::string::npos) << line;
    const std::string default_text = value_as_text(defaults, key.name);
    if (!default_text.empty()) {
      EXPECT_NE(line.find(backticked(default_text)), std::string::npos) << line;
    }
    if (key.type == ValueType::text && key.allowed.find('|') != std::string_view::npos) {
      std::string_view rest = key.allowed;
      while (!rest.empty()) {
        const auto bar = rest.find('|');
        const std::string value(rest.substr(0, bar));
        EXPECT_NE(line.find(backticked(value)), std::string::npos) << key.name << " lacks " << value;
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
    }
  }
}

} // namespace
} // namespace caro::config
