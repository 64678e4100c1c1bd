// Tests of the file-operation builders (copy, move, mkdir, touch, ln -s, delete, truncate, clipboard).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/file_ops.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    FileOps, BuilderAnswers,
    testing::Values(
        BuilderCase{
            "copy config.yaml to config.yaml.bak", "cp config.yaml config.yaml.bak", Platform::gnu, Shell::bash, {}},
        BuilderCase{"copy a.txt and b.txt into backup", "cp a.txt b.txt backup/", Platform::gnu, Shell::bash, {}},
        BuilderCase{"copy the docs folder to /tmp/docs", "cp -R docs /tmp/docs", Platform::bsd, Shell::bash, {}},
        BuilderCase{"copy \"my notes.txt\" to 'their notes.txt'",
                    "cp 'my notes.txt' 'their notes.txt'",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"copy \"it's.txt\" to x.txt", "cp 'it'\\''s.txt' x.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"move report.pdf to ~/Documents", "mv report.pdf ~/Documents", Platform::gnu, Shell::bash, {}},
        BuilderCase{"rename old.txt to \"new name.txt\"", "mv old.txt 'new name.txt'", Platform::gnu, Shell::fish, {}},
        BuilderCase{"move the png files from shots into a new folder called archive",
                    "mkdir -p archive/ && mv shots/*.png archive/",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"rename the .jpeg files in pics to .jpg",
                    "for f in pics/*.jpeg; do mv -- \"$f\" \"${f%.jpeg}.jpg\"; done",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"create directories a/b/c", "mkdir -p a/b/c", Platform::gnu, Shell::bash, {}},
        BuilderCase{"make a folder called \"my stuff\"", "mkdir -p 'my stuff'", Platform::gnu, Shell::bash, {}},
        BuilderCase{"create an empty file notes.md", "touch notes.md", Platform::busybox, Shell::bash, {}},
        BuilderCase{"create a symlink called latest pointing to releases/v2",
                    "ln -s releases/v2 latest",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"delete the .log files older than 30 days in logs",
                    "find logs -type f -name '*.log' -mtime +30 -delete",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"remove files bigger than 1GB in downloads",
                    "find downloads -type f -size +1G -delete",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"delete the empty files", "find . -type f -empty -delete", Platform::gnu, Shell::bash, {}},
        BuilderCase{"remove the .bak files", "find . -type f -name '*.bak' -delete", Platform::bsd, Shell::bash, {}},
        BuilderCase{"delete a.txt and b.txt", "rm a.txt b.txt", Platform::gnu, Shell::bash, {}},
        BuilderCase{"delete the old-build folder", "rm -r old-build", Platform::gnu, Shell::bash, {}},
        BuilderCase{"delete everything inside tmp", "find tmp -mindepth 1 -delete", Platform::gnu, Shell::bash, {}},
        BuilderCase{"truncate logs/app.log", "truncate -s 0 logs/app.log", Platform::gnu, Shell::bash, {}},
        BuilderCase{"empty app.log", "true > app.log", Platform::bsd, Shell::fish, {}},
        BuilderCase{"copy notes.txt to the clipboard",
                    "xclip -selection clipboard < notes.txt",
                    Platform::gnu,
                    Shell::bash,
                    {"xclip", "ls"}}));

INSTANTIATE_TEST_SUITE_P(
    FileOps, BuilderDeclines,
    testing::Values(BuilderCase{"delete all files", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete everything", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"remove everything in my home directory", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete everything here", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete all the files in /", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"delete the python files except the big ones", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"rename the file", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"move the big files to archive", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"copy the files", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"create a symlink", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"link a.txt to b.txt", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"remove all python files in ~/My Projects", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"rename the .txt files in data to .md", "", Platform::gnu, Shell::fish, {}}));

} // namespace caro::backends
