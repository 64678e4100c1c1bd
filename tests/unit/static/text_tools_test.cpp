// Tests of the text-processing builders (sort, uniq, cut/awk, sed, ranges, tail -f, wc, transforms).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/text_tools.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    TextTools, BuilderAnswers,
    testing::Values(
        BuilderCase{"sort list.txt numerically", "sort -n list.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"most frequent lines in access.log, top 3",
                    "sort access.log | uniq -c | sort -rn | head -n 3",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"print the third column of data.tsv", "cut -f3 data.tsv", Platform::gnu, Shell::bash, {}},
        BuilderCase{
            "replace 'a b' with 'c d' in notes.txt", "sed -i 's/a b/c d/g' notes.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"replace foo.bar with baz in notes.txt",
                    "sed -i 's/foo\\.bar/baz/g' notes.txt",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"replace foo with bar in all .md files under docs",
                    "find docs -type f -name '*.md' -exec sed -i 's/foo/bar/g' {} +",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"replace foo with bar in config.ini, without changing the file",
                    "sed 's/foo/bar/g' config.ini",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"delete the last line of todo.txt", "sed -i '$d' todo.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"show notes.txt from line 3 onwards", "tail -n +3 notes.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"follow /var/log/syslog", "tail -f /var/log/syslog", Platform::bsd, Shell::bash, {}},
        BuilderCase{"how many words in essay.md", "wc -w essay.md", Platform::gnu, Shell::bash, {}},
        BuilderCase{"reverse the lines of list.txt", "tail -r list.txt", Platform::bsd, Shell::bash, {}},
        BuilderCase{
            "join the lines of hosts.txt with spaces", "paste -sd' ' hosts.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"diff old.conf and new.conf", "diff old.conf new.conf", Platform::gnu, Shell::bash, {}},
        BuilderCase{"append \"it's done\" to log.txt",
                    "printf '%s\\n' 'it\\'s done' >> log.txt",
                    Platform::gnu,
                    Shell::fish,
                    {}},
        BuilderCase{"extract the unique email addresses from contacts.txt",
                    "grep -oE '[[:alnum:]._%+-]+@[[:alnum:].-]+\\.[[:alpha:]]{2,}' contacts.txt | sort -u",
                    Platform::gnu,
                    Shell::bash,
                    {}}));

INSTANTIATE_TEST_SUITE_P(
    TextTools, BuilderDeclines,
    testing::Values(BuilderCase{"sort", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"replace foo with bar", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"print the second column", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"follow the logs", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"replace foo in notes.txt", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete lines from notes.txt", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"compare the files", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"append to todo.txt", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"replace tabs with spaces in a.txt", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"replace commas with semicolons in data.csv", "", Platform::gnu, Shell::bash, {}}));

} // namespace caro::backends
