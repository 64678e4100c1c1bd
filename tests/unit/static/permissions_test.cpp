// Tests of the permission builders (chmod, chown, find -perm, stat).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/permissions.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    Perm, BuilderAnswers,
    testing::Values(
        BuilderCase{"chmod 750 bin/deploy", "chmod 750 bin/deploy", Platform::gnu, Shell::bash, {}},
        BuilderCase{"chmod u+x,g-w tool.sh", "chmod u+x,g-w tool.sh", Platform::gnu, Shell::bash, {}},
        BuilderCase{"make my-script.sh executable", "chmod +x my-script.sh", Platform::gnu, Shell::bash, {}},
        BuilderCase{"make run.sh executable only for me", "chmod 100 run.sh", Platform::gnu, Shell::bash, {}},
        BuilderCase{
            "give the group write permission on shared.txt", "chmod g+w shared.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"make notes.txt readable by everyone", "chmod a+r notes.txt", Platform::bsd, Shell::bash, {}},
        BuilderCase{
            "recursively set permissions of public to 755", "chmod -R 755 public", Platform::gnu, Shell::bash, {}},
        BuilderCase{"remove write permission for others from notes.txt",
                    "chmod o-w notes.txt",
                    Platform::busybox,
                    Shell::bash,
                    {}},
        BuilderCase{"chown -R alice:staff ./project", "chown -R alice:staff ./project", Platform::gnu, Shell::bash, {}},
        BuilderCase{"find executable files in bin", "find bin -type f -perm /111", Platform::busybox, Shell::bash, {}},
        BuilderCase{
            "list setuid files in /usr/bin", "find /usr/bin -type f -perm -4000", Platform::bsd, Shell::bash, {}},
        BuilderCase{"permissions of the scripts folder", "ls -ld scripts", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    Perm, BuilderDeclines,
    testing::Values(BuilderCase{"make it executable", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"make everything executable except the docs", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"chmod 999 run.sh", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"change the owner", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"chmod +x", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"give write permission", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{
                        "make run.sh executable and readable but not writable", "", Platform::gnu, Shell::bash, {}}));

} // namespace caro::backends
