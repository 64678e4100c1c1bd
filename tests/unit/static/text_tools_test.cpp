// Tests of the text-processing builders (sort, uniq, cut/awk, sed, ranges, tail -f, wc, transforms).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/text_tools.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct TextToolsCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const TextToolsCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const TextToolsCase& c)
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

class TextToolsAnswers : public testing::TestWithParam<TextToolsCase>
{
};

TEST_P(TextToolsAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class TextToolsDeclines : public testing::TestWithParam<TextToolsCase>
{
};

TEST_P(TextToolsDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    TextTools, TextToolsAnswers,
    testing::Values(
        TextToolsCase{"sort list.txt numerically", "sort -n list.txt", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"most frequent lines in access.log, top 3",
                      "sort access.log | uniq -c | sort -rn | head -n 3",
                      Platform::gnu,
                      Shell::bash,
                      {}},
        TextToolsCase{"print the third column of data.tsv", "cut -f3 data.tsv", Platform::gnu, Shell::bash, {}},
        TextToolsCase{
            "replace 'a b' with 'c d' in notes.txt", "sed -i 's/a b/c d/g' notes.txt", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"replace foo.bar with baz in notes.txt",
                      "sed -i 's/foo\\.bar/baz/g' notes.txt",
                      Platform::gnu,
                      Shell::bash,
                      {}},
        TextToolsCase{"replace foo with bar in all .md files under docs",
                      "find docs -type f -name '*.md' -exec sed -i 's/foo/bar/g' {} +",
                      Platform::gnu,
                      Shell::bash,
                      {}},
        TextToolsCase{"replace foo with bar in config.ini, without changing the file",
                      "sed 's/foo/bar/g' config.ini",
                      Platform::gnu,
                      Shell::bash,
                      {}},
        TextToolsCase{"delete the last line of todo.txt", "sed -i '$d' todo.txt", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"show notes.txt from line 3 onwards", "tail -n +3 notes.txt", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"follow /var/log/syslog", "tail -f /var/log/syslog", Platform::bsd, Shell::bash, {}},
        TextToolsCase{"how many words in essay.md", "wc -w essay.md", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"reverse the lines of list.txt", "tail -r list.txt", Platform::bsd, Shell::bash, {}},
        TextToolsCase{
            "join the lines of hosts.txt with spaces", "paste -sd' ' hosts.txt", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"diff old.conf and new.conf", "diff old.conf new.conf", Platform::gnu, Shell::bash, {}},
        TextToolsCase{"append \"it's done\" to log.txt",
                      "printf '%s\\n' 'it\\'s done' >> log.txt",
                      Platform::gnu,
                      Shell::fish,
                      {}},
        TextToolsCase{"extract the unique email addresses from contacts.txt",
                      "grep -oE '[[:alnum:]._%+-]+@[[:alnum:].-]+\\.[[:alpha:]]{2,}' contacts.txt | sort -u",
                      Platform::gnu,
                      Shell::bash,
                      {}}));

INSTANTIATE_TEST_SUITE_P(
    TextTools, TextToolsDeclines,
    testing::Values(TextToolsCase{"sort", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"replace foo with bar", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"print the second column", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"follow the logs", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"replace foo in notes.txt", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"delete lines from notes.txt", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"compare the files", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"append to todo.txt", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"replace tabs with spaces in a.txt", "", Platform::gnu, Shell::bash, {}},
                    TextToolsCase{"replace commas with semicolons in data.csv", "", Platform::gnu, Shell::bash, {}}));

} // namespace
} // namespace caro::backends
