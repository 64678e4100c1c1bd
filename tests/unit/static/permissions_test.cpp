// Tests of the permission builders (chmod, chown, find -perm, stat).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/permissions.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct PermCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const PermCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const PermCase& c)
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

class PermAnswers : public testing::TestWithParam<PermCase>
{
};

TEST_P(PermAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class PermDeclines : public testing::TestWithParam<PermCase>
{
};

TEST_P(PermDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Perm, PermAnswers,
    testing::Values(
        PermCase{"chmod 750 bin/deploy", "chmod 750 bin/deploy", Platform::gnu, Shell::bash, {}},
        PermCase{"chmod u+x,g-w tool.sh", "chmod u+x,g-w tool.sh", Platform::gnu, Shell::bash, {}},
        PermCase{"make my-script.sh executable", "chmod +x my-script.sh", Platform::gnu, Shell::bash, {}},
        PermCase{"make run.sh executable only for me", "chmod 100 run.sh", Platform::gnu, Shell::bash, {}},
        PermCase{
            "give the group write permission on shared.txt", "chmod g+w shared.txt", Platform::gnu, Shell::bash, {}},
        PermCase{"make notes.txt readable by everyone", "chmod a+r notes.txt", Platform::bsd, Shell::bash, {}},
        PermCase{"recursively set permissions of public to 755", "chmod -R 755 public", Platform::gnu, Shell::bash, {}},
        PermCase{"remove write permission for others from notes.txt",
                 "chmod o-w notes.txt",
                 Platform::busybox,
                 Shell::bash,
                 {}},
        PermCase{"chown -R alice:staff ./project", "chown -R alice:staff ./project", Platform::gnu, Shell::bash, {}},
        PermCase{"find executable files in bin", "find bin -type f -perm /111", Platform::busybox, Shell::bash, {}},
        PermCase{"list setuid files in /usr/bin", "find /usr/bin -type f -perm -4000", Platform::bsd, Shell::bash, {}},
        PermCase{"permissions of the scripts folder", "ls -ld scripts", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    Perm, PermDeclines,
    testing::Values(PermCase{"make it executable", "", Platform::gnu, Shell::bash, {}},
                    PermCase{"make everything executable except the docs", "", Platform::gnu, Shell::bash, {}},
                    PermCase{"chmod 999 run.sh", "", Platform::gnu, Shell::bash, {}},
                    PermCase{"change the owner", "", Platform::gnu, Shell::bash, {}},
                    PermCase{"chmod +x", "", Platform::gnu, Shell::bash, {}},
                    PermCase{"give write permission", "", Platform::gnu, Shell::bash, {}},
                    PermCase{
                        "make run.sh executable and readable but not writable", "", Platform::gnu, Shell::bash, {}}));

} // namespace
} // namespace caro::backends
