// The validator's walk over the tree-sitter parse: commands found in places
// only a real bash grammar sees (here-documents piped to a shell, compound
// bodies, substitutions in redirections) are rated, and what does not parse
// is never safe.

#include "caro/safety/validator.h"

#include <gtest/gtest.h>

#include <string>

namespace caro::safety {
namespace {

Risk risk_of(std::string_view command)
{
  return Validator().assess(command).risk;
}

TEST(Analysis, HereDocumentPipedToAShellIsChecked)
{
  EXPECT_EQ(risk_of("cat <<EOF | sh\nrm -rf ~\nEOF\n"), Risk::critical);
  EXPECT_EQ(risk_of("cat <<< 'rm -rf /' | bash"), Risk::critical);
  EXPECT_LT(risk_of("cat <<EOF > notes.txt\nrm -rf ~\nEOF\n"), Risk::high) << "a document written to a file is data";
}

TEST(Analysis, CommandsInsideCompoundStatementsAreChecked)
{
  EXPECT_EQ(risk_of("while true; do rm -rf /; done"), Risk::critical);
  EXPECT_EQ(risk_of("case $x in y) rm -rf ~;; esac"), Risk::critical);
  EXPECT_EQ(risk_of("[[ -n $(rm -rf /) ]]"), Risk::critical);
  EXPECT_EQ(risk_of("for f in $(rm -rf ~); do :; done"), Risk::critical);
  EXPECT_EQ(risk_of("ls > \"$(rm -rf /)\""), Risk::critical);
  EXPECT_EQ(risk_of("export X=$(rm -rf /)"), Risk::critical);
}

TEST(Analysis, UnparsableInputIsNeverSafe)
{
  for (const std::string_view command : {"ls |", "echo 'x", "if true; then ls", "ls )", "(("}) {
    EXPECT_GE(risk_of(command), Risk::high) << command;
  }
  EXPECT_EQ(risk_of("echo 'rm -rf /"), Risk::high) << "quoted text stays data even when unterminated";
}

TEST(Analysis, CommandsTooLongToCheckInBoundedTimeAreRatedCritical)
{
  const Assessment long_one = Validator().assess("echo " + std::string(20'000, 'a'));
  EXPECT_EQ(long_one.risk, Risk::critical) << "unread text may hide anything";
  ASSERT_EQ(long_one.findings.size(), 1U);
  EXPECT_EQ(long_one.findings.front().rule_id, "parse.too-deep");
  EXPECT_NE(long_one.findings.front().message.find("too long"), std::string::npos) << long_one.findings.front().message;
  EXPECT_EQ(risk_of("echo " + std::string(4'000, 'a')), Risk::safe) << "a few KB are still checked";
  // Re-checked text counts against the same cap: 6 KB of bash -c inside 6 KB of bash -c is too much.
  const std::string inner = "bash -c 'echo " + std::string(6'000, 'b') + "'";
  EXPECT_EQ(risk_of("bash -c \"" + inner + "\""), Risk::critical);
}

TEST(Analysis, KnownValuesOfVariablesAndXargsInputAreTargets)
{
  EXPECT_EQ(risk_of("xargs rm -rf <<< /"), Risk::critical);
  EXPECT_EQ(risk_of("echo ~ | xargs rm -rf"), Risk::critical);
  EXPECT_EQ(risk_of("printf '%s\\n' build / | xargs rm -rf"), Risk::critical) << "printf's arguments are its output";
  EXPECT_EQ(risk_of("printf '%s\\n' build dist | xargs rm -rf"), Risk::moderate);
  EXPECT_EQ(risk_of("for d in /etc /; do rm -rf \"$d\"; done"), Risk::critical);
  EXPECT_EQ(risk_of("D=/; rm -rf $D"), Risk::critical);
  EXPECT_EQ(risk_of("(D=/); rm -rf $D"), Risk::high) << "a subshell's assignment does not outlive it";
  EXPECT_EQ(risk_of("for d in a b; do rm -rf $d; done"), Risk::high) << "an unknown reading still counts";
  EXPECT_EQ(risk_of("echo build | xargs rm -rf"), Risk::moderate);
  EXPECT_EQ(risk_of("cat list | xargs rm -rf"), Risk::high);
}

TEST(Analysis, ReadOnlyEverydayCommandsStaySafe)
{
  for (const std::string_view command :
       {"ls -la | grep foo > out.txt 2>&1", "find . -name '*.log' -mtime +7", "git log --oneline | head",
        "for f in *.txt; do wc -l \"$f\"; done", "diff <(sort a) <(sort b)", "cat <<EOF\nhello\nEOF\n"}) {
    EXPECT_EQ(risk_of(command), Risk::safe) << command;
  }
}

} // namespace
} // namespace caro::safety
