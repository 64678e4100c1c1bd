// The command splitter: pipelines and lists, groups and subshells,
// compound statements flattened to their commands, function definitions.

#include "caro/safety/parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace caro::safety {
namespace {

struct Parsed
{
  ParseResult parsed;
};

Parsed parse_text(std::string_view text)
{
  return Parsed{parse(text)};
}

// The argv of every simple command, depth-first, joined by spaces.
void collect(const std::vector<Pipeline>& pipelines, std::vector<std::string>& out)
{
  for (const Pipeline& pipeline : pipelines) {
    for (const Command& command : pipeline.commands) {
      if (command.kind == Command::Kind::simple && !command.words.empty()) {
        std::string line;
        for (const Word* word : command.words) {
          line += (line.empty() ? "" : " ") + word->text;
        }
        out.push_back(line);
      }
      collect(command.body, out);
    }
  }
}

std::vector<std::string> commands(std::string_view text)
{
  const Parsed result = parse_text(text);
  EXPECT_FALSE(result.parsed.problem) << text << ": " << result.parsed.problem->message;
  std::vector<std::string> out;
  collect(result.parsed.script.pipelines, out);
  return out;
}

TEST(Parser, SplitsListsAndPipelines)
{
  const Parsed result = parse_text("a | b && c; d &");
  ASSERT_FALSE(result.parsed.problem);
  const auto& pipelines = result.parsed.script.pipelines;
  ASSERT_EQ(pipelines.size(), 3U);
  EXPECT_EQ(pipelines[0].commands.size(), 2U);
  EXPECT_TRUE(pipelines[2].background);
}

TEST(Parser, SeparatesAssignmentsAndRedirections)
{
  const Parsed result = parse_text("A=1 B=2 cmd x > out 2>&1");
  const Command& command = result.parsed.script.pipelines.at(0).commands.at(0);
  EXPECT_EQ(command.assignments.size(), 2U);
  ASSERT_EQ(command.words.size(), 2U);
  EXPECT_EQ(command.words[0]->text, "cmd");
  EXPECT_EQ(command.redirects.size(), 2U);
}

TEST(Parser, CommandSpansCoverTheCommand)
{
  const std::string text = "ls -l | grep x > out";
  const Parsed result = parse_text(text);
  const Command& grep = result.parsed.script.pipelines.at(0).commands.at(1);
  EXPECT_EQ(text.substr(grep.span.begin, grep.span.end - grep.span.begin), "grep x > out");
}

TEST(Parser, GroupsAndSubshellsHoldBodies)
{
  EXPECT_EQ(commands("(cd x && make) | tee log"), (std::vector<std::string>{"cd x", "make", "tee log"}));
  EXPECT_EQ(commands("{ a; b; } > out"), (std::vector<std::string>{"a", "b"}));
}

TEST(Parser, FlattensCompoundStatements)
{
  EXPECT_EQ(commands("if test -f x; then rm x; elif y; then z; else w; fi"),
            (std::vector<std::string>{"test -f x", "rm x", "y", "z", "w"}));
  EXPECT_EQ(commands("while read l; do echo $l; done < f"), (std::vector<std::string>{"read l", "echo $l"}));
  // The header command holds the keyword and the loose words (for list, case subject and patterns).
  EXPECT_EQ(commands("for f in a b; do rm $f; done"), (std::vector<std::string>{"for f a b", "rm $f"}));
  EXPECT_EQ(commands("case $x in a|b) one;; (c) two;; *) three;; esac"),
            (std::vector<std::string>{"case $x a b c *", "one", "two", "three"}));
  EXPECT_EQ(commands("! false"), (std::vector<std::string>{"false"}));
}

TEST(Parser, RecognisesFunctionDefinitions)
{
  const Parsed result = parse_text("greet() { echo hi; }; function bye { echo bye; }; greet");
  ASSERT_FALSE(result.parsed.problem);
  const auto& pipelines = result.parsed.script.pipelines;
  ASSERT_EQ(pipelines.size(), 3U);
  const Command& first = pipelines[0].commands.at(0);
  EXPECT_EQ(first.kind, Command::Kind::function_definition);
  EXPECT_EQ(first.function_name, "greet");
  EXPECT_EQ(pipelines[1].commands.at(0).function_name, "bye");
  const Parsed bomb = parse_text(":(){ :|:& };:");
  ASSERT_FALSE(bomb.parsed.problem);
  ASSERT_EQ(bomb.parsed.script.pipelines.size(), 2U);
  const Command& definition = bomb.parsed.script.pipelines[0].commands.at(0);
  EXPECT_EQ(definition.function_name, ":");
  const Command& body = definition.body.at(0).commands.at(0);
  EXPECT_EQ(body.kind, Command::Kind::group);
  EXPECT_TRUE(body.body.at(0).background);
  EXPECT_EQ(body.body.at(0).commands.size(), 2U);
}

TEST(Parser, ReportsUnbalancedStructureAndStillParsesTheRest)
{
  for (const std::string_view text : {"(ls", "ls )", "{ ls", "ls |", "| ls", "ls &&"}) {
    const Parsed result = parse_text(text);
    ASSERT_TRUE(result.parsed.problem) << text;
    EXPECT_EQ(result.parsed.problem->rule_id, "parse.error");
    std::vector<std::string> out;
    collect(result.parsed.script.pipelines, out);
    EXPECT_EQ(out, (std::vector<std::string>{"ls"})) << text;
  }
}

TEST(Parser, UnclosedCaseIsAnErrorButItsCommandsAreKept)
{
  const Parsed result = parse_text("case x in a) ls");
  ASSERT_TRUE(result.parsed.problem);
  std::vector<std::string> out;
  collect(result.parsed.script.pipelines, out);
  EXPECT_NE(std::find(out.begin(), out.end(), "ls"), out.end());
}

TEST(Parser, AssignmentDetection)
{
  const LexResult lexed = lex("A=1 a_b+=2 x[1]=3 =no 1A=no a-b=no");
  std::vector<bool> expected = {true, true, true, false, false, false};
  ASSERT_EQ(lexed.tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(is_assignment(lexed.tokens[i].word), expected[i]) << lexed.tokens[i].word.text;
  }
}

} // namespace
} // namespace caro::safety
