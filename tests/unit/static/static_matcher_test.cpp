// Table-driven tests of the static matcher: request -> exact command for
// every family it answers, in the GNU, BSD and BusyBox dialects, plus
// requests it must decline and the quoting of awkward values.

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct Case
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
};

void PrintTo(const Case& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation run(const Case& c)
{
  ExecutionContext context;
  context.platform = c.platform;
  context.shell = c.shell;
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{c.request, &context});
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? std::move(result).value() : Generation{};
}

class Answers : public testing::TestWithParam<Case>
{
};

TEST_P(Answers, BuildsTheExpectedCommandWithHonestConfidence)
{
  const Case& c = GetParam();
  const Generation generation = run(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  const Candidate& candidate = generation.candidates.front();
  EXPECT_EQ(candidate.command, c.expected);
  EXPECT_GT(candidate.confidence, 0.0);
  EXPECT_LE(candidate.confidence, 1.0);
  EXPECT_FALSE(candidate.explanation.empty());
  EXPECT_EQ(candidate.explanation.find('\n'), std::string::npos);
}

const std::vector<Case> k_gnu_cases = {
    // 1. listing
    {"list files", "ls"},
    {"list all files including hidden", "ls -la"},
    {"list everything in this dirctory, hidden files too", "ls -la"},
    {"show files in /var/log", "ls /var/log"},
    {"list files sorted by size", "ls -lS"},
    {"list the files in media by size, biggest first", "ls -lS media"},
    {"list files sorted by modification time", "ls -lt"},
    {"3 most recently modified files in logs", "ls -t logs | head -n 3"},
    // 2. name and type
    {"find all python files", "find . -type f -name '*.py'"},
    {"find all javascript files in src", "find src -type f -name '*.js'"},
    {"list all markdown files under docs", "find docs -type f -name '*.md'"},
    {"Could you list all the .sh scripts?", "find . -type f -name '*.sh'"},
    {"find shell scripts", "find . -type f -name '*.sh'"},
    {"pls find fiels with the .yaml extension", "find . -type f -name '*.yaml'"},
    {"find yaml files", "find . -type f \\( -name '*.yaml' -o -name '*.yml' \\)"},
    {"search for jpg and png images", "find . -type f \\( -name '*.jpg' -o -name '*.png' \\)"},
    {"find all images", "find . -type f \\( -name '*.png' -o -name '*.jpg' -o -name '*.jpeg' -o -name '*.gif' -o -name "
                        "'*.bmp' -o -name '*.webp' -o -name '*.svg' \\)"},
    {"show me the .tmp and .bak files", "find . -type f \\( -name '*.tmp' -o -name '*.bak' \\)"},
    {"pdf files in my home folder", "find ~ -type f -name '*.pdf'"},
    {"find files named foo.txt", "find . -type f -name foo.txt"},
    {"find files containing 'report' in the name", "find . -type f -name '*report*'"},
    {"find every file (not folders) with 'backup' in its name", "find . -type f -name '*backup*'"},
    {"find files with backup in their name, case insensitive", "find . -type f -iname '*backup*'"},
    {"find files named config, any extension", "find . -type f -name 'config.*'"},
    {"where is 'user guide.md'?", "find . -name 'user guide.md'"},
    {"find c++ files", "find . -type f \\( -name '*.cpp' -o -name '*.cc' -o -name '*.cxx' -o -name '*.hpp' \\)"},
    {"find go files in cmd", "find cmd -type f -name '*.go'"},
    {"find rust files", "find . -type f -name '*.rs'"},
    {"find csv files in data", "find data -type f -name '*.csv'"},
    {"find text files", "find . -type f -name '*.txt'"},
    {"files in src that aren't python", "find src -type f -not -name '*.py'"},
    {"find files not named foo", "find . -type f -not -name foo"},
    {"show me all the empty files", "find . -type f -empty"},
    {"are there any empty folders in here?", "find . -type d -empty"},
    {"find .txt files in the current directory only, not in subfolders", "find . -maxdepth 1 -type f -name '*.txt'"},
    {"list the hidden folders under here", "find . -mindepth 1 -type d -name '.*'"},
    {"are there any broken symlinks?", "find . -xtype l"},
    // 3. size
    {"files bigger than 100MB", "find . -type f -size +100M"},
    {"files larger than 100 megs", "find . -type f -size +100M"},
    {"any files over 1 gig in my home dir?", "find ~ -type f -size +1G"},
    {"which files under src are smaller than 1KB?", "find src -type f -size -1024c"},
    {"files under 500 bytes", "find . -type f -size -500c"},
    {"files at least 2MB", "find . -type f -size +2097151c"},
    {"files between 50MB and 1GB", "find . -type f -size +50M -size -1073741824c"},
    {"files bigger than 1.5GB", "find . -type f -size +1610612736c"},
    // 4. time, combined
    {"what files were modified in the last hour?", "find . -type f -mmin -60"},
    {"files changed in the past 24 hours", "find . -type f -mmin -1440"},
    {"files modified in the last 30 minutes", "find . -type f -mmin -30"},
    {"list files modified today", "find . -type f -mtime 0"},
    {"which files did I change yesterday", "find . -type f -daystart -mtime 1"},
    {"log files older than 30 days", "find . -type f -name '*.log' -mtime +30"},
    {"files that haven't been touched in over a year", "find . -type f -mtime +365"},
    {"find python files modified in the last 7 days", "find . -type f -name '*.py' -mtime -7"},
    {"files larger than 100MB modified today", "find . -type f -size +100M -mtime 0"},
    {"find files in logs larger than 10k that were modified in the last week",
     "find logs -type f -size +10k -mtime -7"},
    {"csv files in data bigger than 1k that changed in the last 5 days",
     "find data -type f -name '*.csv' -size +1k -mtime -5"},
    {"find files under home bigger than 10k and older than 6 months", "find ~ -type f -size +10k -mtime +180"},
    {"which files in src are newer than config.yaml", "find src -type f -newer config.yaml"},
    // exclusions
    {"list every .js file except the ones in node_modules",
     "find . -type f -name '*.js' -not -path '*/node_modules/*'"},
    {"find .py files, excluding the tests folder and .venv",
     "find . -type f -name '*.py' -not -path '*/tests/*' -not -path '*/.venv/*'"},
    {"find the .log files under logs but skip the archive subfolder",
     "find logs -type f -name '*.log' -not -path '*/archive/*'"},
    {"how many python files are in this project? just the number", "find . -type f -name '*.py' | wc -l"},
    {"where are the package.json files? ignore node_modules",
     "find . -type f -name package.json -not -path '*/node_modules/*'"},
    {"files under docs, but leave out docs/old", "find docs -type f -not -path 'docs/old/*'"},
    {"10 largest files under here with their sizes in bytes",
     "find . -type f -printf '%s %p\\n' | sort -rn | head -n 10"},
    {"how many python files are there", "find . -type f -name '*.py' | wc -l"},
    {"how many files in this directory", "find . -type f | wc -l"},
    {"biggest 5 files here", "find . -type f -printf '%s %p\\n' | sort -rn | head -n 5"},
    // 5. disk
    {"disk usage of this directory", "du -sh ."},
    {"how big is this folder", "du -sh ."},
    {"how much sapce is the logs folder using", "du -sh logs"},
    {"how big is my home directory?", "du -sh ~"},
    {"size of each folder", "du -h --max-depth=1"},
    {"show disk usage for each subdirectory of src", "du -h --max-depth=1 src"},
    {"free disk space", "df -h"},
    {"show disk space on all mounted drives, human readable", "df -h"},
    {"free space on the root filesystem", "df -h /"},
    {"top 10 biggest directories under /var", "du -h /var | sort -rh | head -n 10"},
    {"which folder in the current directory takes up the most space", "du -sh */ | sort -rh | head -n 1"},
    {"total size of the logs folder in kilobytes", "du -sk logs"},
    // 6. processes
    {"show running processes", "ps aux"},
    {"show all running processes", "ps aux"},
    {"top 5 processes by CPU", "ps aux --sort=-%cpu | head -n 6"},
    {"top 5 cpu hogs", "ps aux --sort=-%cpu | head -n 6"},
    {"Would you show me which process is eating the most memory?", "ps aux --sort=-%mem | head -n 2"},
    {"find process named nginx", "pgrep -a nginx"},
    {"what's the pid of nginx?", "pgrep nginx"},
    // 7. ports
    {"what ports are listening", "ss -tulpn"},
    {"show open ports", "ss -tulpn"},
    {"what is using port 8080", "lsof -i :8080"},
    {"which process is on port 8080?", "lsof -i :8080"},
    // 8. grep
    {"search for TODO in all files", "grep -rn TODO ."},
    {"serach for TODO in src and show line numbers", "grep -rn TODO src"},
    {"find files containing 'foo'", "grep -rl foo ."},
    {"which files mention express? skip node_modules", "grep -rl --exclude-dir=node_modules express ."},
    {"search for TODO in python files", "grep -rn --include='*.py' TODO ."},
    {"search for 'hello world' in all files ignoring case", "grep -rni 'hello world' ."},
    {"find 'hello world' in data/sample.txt ignoring case", "grep -i 'hello world' data/sample.txt"},
    {"count occurrences of ERROR in logs/app.log", "grep -c ERROR logs/app.log"},
    {"lines with ERROR in logs/app.log", "grep ERROR logs/app.log"},
    {"how many ERROR lines does logs/app.log have", "grep -c ERROR logs/app.log"},
    {"find readme files", ""},
    {"search for 'a.b' in notes.txt", "grep -F a.b notes.txt"},
    // 9. counting lines
    {"count lines in file.txt", "wc -l file.txt"},
    {"number of lines in logs/access.log, just the number", "wc -l < logs/access.log"},
    {"count lines in all python files", "find . -type f -name '*.py' -exec wc -l {} +"},
    {"how many lines in all the python files in src altogether",
     "find src -type f -name '*.py' -exec cat {} + | wc -l"},
    {"peek at the first 5 lines of data/users.csv", "head -n 5 data/users.csv"},
    {"last 3 lines of logs/error.log", "tail -n 3 logs/error.log"},
    // 10. archives
    {"create a tar.gz of the src folder", "tar -czf src.tar.gz src"},
    {"create docs.tar.gz from the docs folder", "tar -czf docs.tar.gz docs"},
    {"extract archive.tar.gz", "tar -xzf archive.tar.gz"},
    {"extract release-1.2.tar.gz here", "tar -xzf release-1.2.tar.gz"},
    {"extract backup.tar.bz2", "tar -xjf backup.tar.bz2"},
    {"unpack data.tar.xz into out", "tar -xJf data.tar.xz -C out"},
    {"list contents of x.tar.gz", "tar -tzf x.tar.gz"},
    {"which files are in release-1.2.tar.gz? just the names", "tar -tzf release-1.2.tar.gz"},
    {"zip up the scripts directory as scripts.zip", "zip -r scripts.zip scripts"},
    {"unzip assets.zip into assets_out", "unzip assets.zip -d assets_out"},
    {"what's inside backups/photos.zip?", "unzip -l backups/photos.zip"},
    {"gzip logs/debug.log", "gzip logs/debug.log"},
    // 11. git
    {"git status", "git status"},
    {"git status, short version", "git status -s"},
    {"show changed files", "git status"},
    {"show last 5 commits", "git log --oneline -n 5"},
    {"last 3 commits pls, one line each", "git log --oneline -n 3"},
    {"what branch am i on", "git branch --show-current"},
    {"current branch", "git branch --show-current"},
    {"show my unstaged changes", "git diff"},
    {"what have I staged?", "git diff --staged"},
    {"list all the branches", "git branch"},
    {"list the untracked files", "git ls-files --others --exclude-standard"},
    // system
    {"show hostname", "hostname"},
    {"what is the current directory", "pwd"},
    {"who am i", "whoami"},
    {"show date", "date"},
    {"how long has this machine been up?", "uptime"},
    {"system uptime", "uptime"},
    {"memory usage", "free -h"},
    {"what kernel am I running", "uname -r"},
    {"kernel version", "uname -r"},
    {"how many CPU cores does this box have", "nproc"},
};

INSTANTIATE_TEST_SUITE_P(Gnu, Answers, testing::ValuesIn([] {
                           std::vector<Case> answered;
                           for (const auto& c : k_gnu_cases) {
                             if (!c.expected.empty()) {
                               answered.push_back(c);
                             }
                           }
                           return answered;
                         }()));

INSTANTIATE_TEST_SUITE_P(
    Bsd, Answers,
    testing::Values(Case{"size of each folder", "du -h -d 1", Platform::bsd},
                    Case{"show the 5 processes using the most cpu", "ps aux -r | head -n 6", Platform::bsd},
                    Case{"list processes sorted by memory usage", "ps aux -m", Platform::bsd},
                    Case{"which ports are listening", "lsof -iTCP -sTCP:LISTEN -n -P", Platform::bsd},
                    Case{"find process named nginx", "pgrep -l nginx", Platform::bsd},
                    Case{"how many cores does this mac have", "sysctl -n hw.ncpu", Platform::bsd},
                    Case{"files bigger than 100MB", "find . -type f -size +100M", Platform::bsd},
                    Case{"find python files modified in the last 7 days", "find . -type f -name '*.py' -mtime -7",
                         Platform::bsd},
                    Case{"biggest 10 files here", "find . -type f -exec stat -f '%z %N' {} + | sort -rn | head -n 10",
                         Platform::bsd}));

INSTANTIATE_TEST_SUITE_P(
    Busybox, Answers,
    testing::Values(Case{"find .log files bigger than 10k", "find . -type f -name '*.log' -size +10k",
                         Platform::busybox},
                    Case{"files larger than 100MB", "find . -type f -size +102400k", Platform::busybox},
                    Case{"files modified within the last 60 minutes", "find . -type f -mmin -60", Platform::busybox},
                    Case{"size of each folder", "du -h -d 1", Platform::busybox},
                    Case{"show running processes", "ps", Platform::busybox},
                    Case{"what ports are listening", "netstat -tuln", Platform::busybox},
                    Case{"files in src that aren't python", "find src -type f ! -name '*.py'", Platform::busybox},
                    Case{"extract release-1.2.tar.gz", "tar -xzf release-1.2.tar.gz", Platform::busybox},
                    Case{"what files are in assets.zip", "unzip -l assets.zip", Platform::busybox},
                    Case{"top 3 largest directories", "du -k . | sort -rn | head -n 3", Platform::busybox}));

INSTANTIATE_TEST_SUITE_P(
    Quoting, Answers,
    testing::Values(Case{"find files named \"my file.txt\"", "find . -type f -name 'my file.txt'"},
                    Case{"find files named \"it's.txt\"", "find . -type f -name 'it'\\''s.txt'"},
                    Case{"find files named \"it's.txt\"", "find . -type f -name 'it\\'s.txt'", Platform::gnu,
                         Shell::fish},
                    Case{"count lines in 'my notes.txt'", "wc -l 'my notes.txt'"},
                    Case{"search for \"don't panic\" in guide.md", "grep 'don'\\''t panic' guide.md"},
                    Case{"count lines in all python files", "find . -type f -name '*.py' -exec wc -l '{}' +",
                         Platform::gnu, Shell::fish},
                    Case{"list files in '/tmp/a b'", "ls '/tmp/a b'"}));

class Declines : public testing::TestWithParam<std::string>
{
};

TEST_P(Declines, ReturnsNoCandidateAndSaysWhy)
{
  const Generation generation = run(Case{GetParam(), ""});
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(Requests, Declines,
                         testing::Values("asdf qwer zxcv", "make me a sandwich", "delete all files",
                                         "find python files in ~/My Projects", "find python files without tests", "   ",
                                         "?", "files", "find files modified by bob",
                                         "find python files except the big ones",
                                         "list every .js file but not the large ones",
                                         "files with more than 3 hard links", "files created last week",
                                         "push my changes", "files between 3 and 5 days old", "compress everything"));

TEST(StaticMatcher, DeclinesCasesMarkedAsDeclineInTheTable)
{
  for (const auto& c : k_gnu_cases) {
    if (c.expected.empty()) {
      const Generation generation = run(c);
      EXPECT_TRUE(generation.candidates.empty()) << c.request << " -> " << generation.candidates.front().command;
    }
  }
}

TEST(StaticMatcher, RecordsItsTiming)
{
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{"find all python files", nullptr});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->timing_ms.size(), 1U);
  EXPECT_EQ(result->timing_ms.front().first, "static_match");
  EXPECT_GE(result->timing_ms.front().second, 0.0);
}

TEST(StaticMatcher, NullContextMeansGnuAndBash)
{
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{"size of each folder", nullptr});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->candidates.size(), 1U);
  EXPECT_EQ(result->candidates.front().command, "du -h --max-depth=1");
}

TEST(StaticMatcher, IsAlwaysAvailable)
{
  StaticMatcher matcher;
  EXPECT_TRUE(matcher.availability().usable);
  EXPECT_EQ(matcher.name(), "static");
}

TEST(StaticMatcher, ExplainsWhatTheCommandDoes)
{
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{"find python files modified in the last 7 days", nullptr});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->candidates.size(), 1U);
  EXPECT_EQ(result->candidates.front().explanation,
            "Find regular files under the current directory named *.py modified in the last 7 days");
}

TEST(StaticMatcher, AHigherThresholdDeclinesWhatTheDefaultAnswers)
{
  StaticMatcher strict(0.99);
  auto result = strict.generate(GenerationRequest{"show changed files", nullptr});
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->candidates.empty());
}

TEST(StaticMatcher, PrefersNetstatWhenSsIsMissing)
{
  ExecutionContext context;
  context.installed = {"netstat", "find", "ls"};
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{"show listening ports", &context});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->candidates.size(), 1U);
  EXPECT_EQ(result->candidates.front().command, "netstat -tulpn");
}

TEST(StaticMatcherCategory, AnswersNameTheirIntentsCategory)
{
  const Generation generation = run({"find python files modified in the last 7 days", ""});
  ASSERT_EQ(generation.candidates.size(), 1U);
  EXPECT_FALSE(generation.candidates.front().category.empty());
  const Generation git = run({"show the git status", ""});
  ASSERT_EQ(git.candidates.size(), 1U);
  EXPECT_NE(git.candidates.front().category, generation.candidates.front().category);
}

} // namespace
} // namespace caro::backends
