// Tests of the file-operation builders (copy, move, mkdir, touch, ln -s, delete, truncate, clipboard).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/file_ops.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct FileOpsCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const FileOpsCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const FileOpsCase& c)
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

class FileOpsAnswers : public testing::TestWithParam<FileOpsCase>
{
};

TEST_P(FileOpsAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class FileOpsDeclines : public testing::TestWithParam<FileOpsCase>
{
};

TEST_P(FileOpsDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    FileOps, FileOpsAnswers,
    testing::Values(
        FileOpsCase{
            "copy config.yaml to config.yaml.bak", "cp config.yaml config.yaml.bak", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"copy a.txt and b.txt into backup", "cp a.txt b.txt backup/", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"copy the docs folder to /tmp/docs", "cp -R docs /tmp/docs", Platform::bsd, Shell::bash, {}},
        FileOpsCase{"copy \"my notes.txt\" to 'their notes.txt'",
                    "cp 'my notes.txt' 'their notes.txt'",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"copy \"it's.txt\" to x.txt", "cp 'it'\\''s.txt' x.txt", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"move report.pdf to ~/Documents", "mv report.pdf ~/Documents", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"rename old.txt to \"new name.txt\"", "mv old.txt 'new name.txt'", Platform::gnu, Shell::fish, {}},
        FileOpsCase{"move the png files from shots into a new folder called archive",
                    "mkdir -p archive/ && mv shots/*.png archive/",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"rename the .jpeg files in pics to .jpg",
                    "for f in pics/*.jpeg; do mv -- \"$f\" \"${f%.jpeg}.jpg\"; done",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"create directories a/b/c", "mkdir -p a/b/c", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"make a folder called \"my stuff\"", "mkdir -p 'my stuff'", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"create an empty file notes.md", "touch notes.md", Platform::busybox, Shell::bash, {}},
        FileOpsCase{"create a symlink called latest pointing to releases/v2",
                    "ln -s releases/v2 latest",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"delete the .log files older than 30 days in logs",
                    "find logs -type f -name '*.log' -mtime +30 -delete",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"remove files bigger than 1GB in downloads",
                    "find downloads -type f -size +1G -delete",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        FileOpsCase{"delete the empty files", "find . -type f -empty -delete", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"remove the .bak files", "find . -type f -name '*.bak' -delete", Platform::bsd, Shell::bash, {}},
        FileOpsCase{"delete a.txt and b.txt", "rm a.txt b.txt", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"delete the old-build folder", "rm -r old-build", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"delete everything inside tmp", "find tmp -mindepth 1 -delete", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"truncate logs/app.log", "truncate -s 0 logs/app.log", Platform::gnu, Shell::bash, {}},
        FileOpsCase{"empty app.log", "true > app.log", Platform::bsd, Shell::fish, {}},
        FileOpsCase{"copy notes.txt to the clipboard",
                    "xclip -selection clipboard < notes.txt",
                    Platform::gnu,
                    Shell::bash,
                    {"xclip", "ls"}}));

INSTANTIATE_TEST_SUITE_P(
    FileOps, FileOpsDeclines,
    testing::Values(FileOpsCase{"delete all files", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"delete everything", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"remove everything in my home directory", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"delete everything here", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"delete all the files in /", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"delete the python files except the big ones", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"rename the file", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"move the big files to archive", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"copy the files", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"create a symlink", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"link a.txt to b.txt", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"remove all python files in ~/My Projects", "", Platform::gnu, Shell::bash, {}},
                    FileOpsCase{"rename the .txt files in data to .md", "", Platform::gnu, Shell::fish, {}}));

} // namespace
} // namespace caro::backends
