// Tests of the date, environment, which, history, checksum and base64 builders.
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/misc.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct MiscCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const MiscCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const MiscCase& c)
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

class MiscAnswers : public testing::TestWithParam<MiscCase>
{
};

TEST_P(MiscAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class MiscDeclines : public testing::TestWithParam<MiscCase>
{
};

TEST_P(MiscDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Misc, MiscAnswers,
    testing::Values(
        MiscCase{"current unix timestamp", "date +%s", Platform::bsd, Shell::bash, {}},
        MiscCase{"tomorrow's date", "date -d tomorrow", Platform::gnu, Shell::bash, {}},
        MiscCase{"tomorrow's date as YYYY-MM-DD", "date -v+1d +%F", Platform::bsd, Shell::bash, {}},
        MiscCase{"date 10 days ago", "date -d '10 days ago'", Platform::gnu, Shell::bash, {}},
        MiscCase{"convert timestamp 1700000000 to a date", "date -r 1700000000", Platform::bsd, Shell::bash, {}},
        MiscCase{"what's the value of $EDITOR", "printenv EDITOR", Platform::gnu, Shell::bash, {}},
        MiscCase{"print PATH one per line", "printf '%s\\n' $PATH", Platform::gnu, Shell::fish, {}},
        MiscCase{"where is the docker binary", "which docker", Platform::gnu, Shell::bash, {}},
        MiscCase{"search my history for 'git push'", "grep 'git push' ~/.zsh_history", Platform::gnu, Shell::zsh, {}},
        MiscCase{"search my history for kubectl", "history search --contains kubectl", Platform::gnu, Shell::fish, {}},
        MiscCase{"sha1 of image.iso", "sha1sum image.iso", Platform::gnu, Shell::bash, {}},
        MiscCase{"sha512 checksum of image.iso", "shasum -a 512 image.iso", Platform::bsd, Shell::bash, {}},
        MiscCase{"base64 decode the string 'aGk='", "printf '%s' aGk= | base64 -D", Platform::bsd, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    Misc, MiscDeclines,
    testing::Values(MiscCase{"what was the date yesterday", "", Platform::busybox, Shell::bash, {}},
                    MiscCase{"base64", "", Platform::gnu, Shell::bash, {}},
                    MiscCase{"sha256", "", Platform::gnu, Shell::bash, {}},
                    MiscCase{"which", "", Platform::gnu, Shell::bash, {}},
                    MiscCase{"search my history", "", Platform::gnu, Shell::bash, {}},
                    MiscCase{"search my history for ssh", "", Platform::gnu, Shell::sh, {}}));

} // namespace
} // namespace caro::backends
