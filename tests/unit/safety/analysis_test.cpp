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
