#include "builder_case.h"

namespace caro::backends {

void PrintTo(const BuilderCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const BuilderCase& c)
{
  ExecutionContext context;
  context.platform = c.platform;
  context.shell = c.shell;
  context.installed.insert(c.installed.begin(), c.installed.end());
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{c.request, &context});
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? std::move(result).value() : Generation{};
}

TEST_P(BuilderAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

TEST_P(BuilderDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

} // namespace caro::backends
