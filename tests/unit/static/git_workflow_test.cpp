// Tests of the git workflow and history builders.
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/git_workflow.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct GitWorkflowCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const GitWorkflowCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const GitWorkflowCase& c)
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

class GitWorkflowAnswers : public testing::TestWithParam<GitWorkflowCase>
{
};

TEST_P(GitWorkflowAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class GitWorkflowDeclines : public testing::TestWithParam<GitWorkflowCase>
{
};

TEST_P(GitWorkflowDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    GitWorkflow, GitWorkflowAnswers,
    testing::Values(
        GitWorkflowCase{
            "stage src/app.js and README.md", "git add src/app.js README.md", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{
            "commit with the message \"it's done\"", "git commit -m 'it'\\''s done'", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"commit with message 'wip'", "git commit -m wip", Platform::gnu, Shell::fish, {}},
        GitWorkflowCase{"switch to branch develop", "git switch develop", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"create a new branch feature/x from main and switch to it",
                        "git switch -c feature/x main",
                        Platform::gnu,
                        Shell::bash,
                        {}},
        GitWorkflowCase{"force delete the branch spike", "git branch -D spike", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"stash my changes including untracked files", "git stash -u", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"delete the tag v0.9", "git tag -d v0.9", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"unstage everything", "git restore --staged .", Platform::gnu, Shell::bash, {}},
        GitWorkflowCase{"who last modified line 10 to 20 of src/app.js",
                        "git blame -L 10,20 src/app.js",
                        Platform::gnu,
                        Shell::bash,
                        {}},
        GitWorkflowCase{"show the commit graph", "git log --oneline --graph", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    GitWorkflow, GitWorkflowDeclines,
    testing::Values(GitWorkflowCase{"undo the last commit and discard the changes", "", Platform::gnu, Shell::bash, {}},
                    GitWorkflowCase{"discard all my changes", "", Platform::gnu, Shell::bash, {}},
                    GitWorkflowCase{"delete the remote branch old", "", Platform::gnu, Shell::bash, {}},
                    GitWorkflowCase{"create a branch", "", Platform::gnu, Shell::bash, {}},
                    GitWorkflowCase{"switch to notes.txt", "", Platform::gnu, Shell::bash, {}}));

} // namespace
} // namespace caro::backends
