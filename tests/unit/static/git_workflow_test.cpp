// Tests of the git workflow and history builders.
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/git_workflow.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    GitWorkflow, BuilderAnswers,
    testing::Values(
        BuilderCase{"stage src/app.js and README.md", "git add src/app.js README.md", Platform::gnu, Shell::bash, {}},
        BuilderCase{
            "commit with the message \"it's done\"", "git commit -m 'it'\\''s done'", Platform::gnu, Shell::bash, {}},
        BuilderCase{"commit with message 'wip'", "git commit -m wip", Platform::gnu, Shell::fish, {}},
        BuilderCase{"switch to branch develop", "git switch develop", Platform::gnu, Shell::bash, {}},
        BuilderCase{"create a new branch feature/x from main and switch to it",
                    "git switch -c feature/x main",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"force delete the branch spike", "git branch -D spike", Platform::gnu, Shell::bash, {}},
        BuilderCase{"stash my changes including untracked files", "git stash -u", Platform::gnu, Shell::bash, {}},
        BuilderCase{"delete the tag v0.9", "git tag -d v0.9", Platform::gnu, Shell::bash, {}},
        BuilderCase{"unstage everything", "git restore --staged .", Platform::gnu, Shell::bash, {}},
        BuilderCase{"who last modified line 10 to 20 of src/app.js",
                    "git blame -L 10,20 src/app.js",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"show the commit graph", "git log --oneline --graph", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    GitWorkflow, BuilderDeclines,
    testing::Values(BuilderCase{"undo the last commit and discard the changes", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"discard all my changes", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete the remote branch old", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"create a branch", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"switch to notes.txt", "", Platform::gnu, Shell::bash, {}}));

} // namespace caro::backends
