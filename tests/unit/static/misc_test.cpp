// Tests of the date, environment, which, history, checksum and base64 builders.
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/misc.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    Misc, BuilderAnswers,
    testing::Values(
        BuilderCase{"current unix timestamp", "date +%s", Platform::bsd, Shell::bash, {}},
        BuilderCase{"tomorrow's date", "date -d tomorrow", Platform::gnu, Shell::bash, {}},
        BuilderCase{"tomorrow's date as YYYY-MM-DD", "date -v+1d +%F", Platform::bsd, Shell::bash, {}},
        BuilderCase{"date 10 days ago", "date -d '10 days ago'", Platform::gnu, Shell::bash, {}},
        BuilderCase{"convert timestamp 1700000000 to a date", "date -r 1700000000", Platform::bsd, Shell::bash, {}},
        BuilderCase{"what's the value of $EDITOR", "printenv EDITOR", Platform::gnu, Shell::bash, {}},
        BuilderCase{"print PATH one per line", "printf '%s\\n' $PATH", Platform::gnu, Shell::fish, {}},
        BuilderCase{"where is the docker binary", "which docker", Platform::gnu, Shell::bash, {}},
        BuilderCase{
            "search my history for 'git push'", "grep 'git push' ~/.zsh_history", Platform::gnu, Shell::zsh, {}},
        BuilderCase{
            "search my history for kubectl", "history search --contains kubectl", Platform::gnu, Shell::fish, {}},
        BuilderCase{"sha1 of image.iso", "sha1sum image.iso", Platform::gnu, Shell::bash, {}},
        BuilderCase{"sha512 checksum of image.iso", "shasum -a 512 image.iso", Platform::bsd, Shell::bash, {}},
        BuilderCase{
            "base64 decode the string 'aGk='", "printf '%s' aGk= | base64 -D", Platform::bsd, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    Misc, BuilderDeclines,
    testing::Values(BuilderCase{"what was the date yesterday", "", Platform::busybox, Shell::bash, {}},
                    BuilderCase{"base64", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"sha256", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"which", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"search my history", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"search my history for ssh", "", Platform::gnu, Shell::sh, {}}));

} // namespace caro::backends
