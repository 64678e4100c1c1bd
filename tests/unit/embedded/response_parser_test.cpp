// The response parser: every shape of answer small models give, and the
// prose-only answers that must be declined rather than run.

#include "caro/backends/embedded/response_parser.h"

#include <gtest/gtest.h>

namespace caro::backends {
namespace {

std::string command_of(std::string_view raw)
{
  return parse_response(raw).command;
}

TEST(ResponseParser, KeepsABareCommand)
{
  EXPECT_EQ(command_of("ls -la"), "ls -la");
}

TEST(ResponseParser, TrimsSurroundingWhitespaceAndNewlines)
{
  EXPECT_EQ(command_of("  \n  du -sh .  \n"), "du -sh .");
}

TEST(ResponseParser, TakesTheFirstLineOfSeveralCommands)
{
  EXPECT_EQ(command_of("ls -la\nls -l"), "ls -la");
}

TEST(ResponseParser, UnwrapsAFencedBlockWithALanguageTag)
{
  EXPECT_EQ(command_of("```bash\nfind . -name '*.txt'\n```"), "find . -name '*.txt'");
}

TEST(ResponseParser, UnwrapsAFencedBlockWithoutATag)
{
  EXPECT_EQ(command_of("```\nwc -l main.c\n```"), "wc -l main.c");
}

TEST(ResponseParser, UnwrapsAnUnclosedFence)
{
  EXPECT_EQ(command_of("```sh\nps aux"), "ps aux");
}

TEST(ResponseParser, UnwrapsAOneLineFence)
{
  EXPECT_EQ(command_of("```ls -la```"), "ls -la");
}

TEST(ResponseParser, PrefersTheFenceOverProseAroundIt)
{
  EXPECT_EQ(command_of("Here is the command you need:\n```bash\ndf -h\n```\nThis shows disk space."), "df -h");
}

TEST(ResponseParser, StripsWrappingBackticks)
{
  EXPECT_EQ(command_of("`ls -la`"), "ls -la");
}

TEST(ResponseParser, ExtractsABacktickSpanFromProse)
{
  EXPECT_EQ(command_of("You can use `ls -la` to list all files."), "ls -la");
}

TEST(ResponseParser, StripsADollarPrompt)
{
  EXPECT_EQ(command_of("$ ls -la"), "ls -la");
}

TEST(ResponseParser, StripsAnAnglePrompt)
{
  EXPECT_EQ(command_of("> uptime"), "uptime");
}

TEST(ResponseParser, KeepsADollarVariableAtTheStart)
{
  EXPECT_EQ(command_of("$EDITOR notes.txt"), "$EDITOR notes.txt");
}

TEST(ResponseParser, StripsACommandLabel)
{
  EXPECT_EQ(command_of("Command: ls -la"), "ls -la");
  EXPECT_EQ(command_of("command: `du -sh .`"), "du -sh .");
}

TEST(ResponseParser, TakesTheCommandAfterAnIntroducingColon)
{
  EXPECT_EQ(command_of("Here is the command: ls -la"), "ls -la");
}

TEST(ResponseParser, SkipsAnIntroductionLine)
{
  EXPECT_EQ(command_of("Here is the command:\nls -la"), "ls -la");
}

TEST(ResponseParser, HandlesWindowsLineEndings)
{
  EXPECT_EQ(command_of("Sure, here it is:\r\nls -la\r\n"), "ls -la");
}

TEST(ResponseParser, KeepsPipesAndQuotes)
{
  EXPECT_EQ(command_of("ps aux | grep 'nginx' | head -n 5"), "ps aux | grep 'nginx' | head -n 5");
}

TEST(ResponseParser, KeepsCommandsThatAreAlsoEnglishWords)
{
  EXPECT_EQ(command_of("which python3"), "which python3");
  EXPECT_EQ(command_of("find . -type f -mtime 0"), "find . -type f -mtime 0");
  EXPECT_EQ(command_of("yes | head -n 3"), "yes | head -n 3");
}

TEST(ResponseParser, DeclinesAnApology)
{
  const auto parsed = parse_response("I'm sorry, but I cannot help with that request.");
  EXPECT_FALSE(parsed.has_command());
  EXPECT_NE(parsed.declined_reason.find("prose"), std::string::npos);
}

TEST(ResponseParser, DeclinesAnExplanationWithoutACommand)
{
  EXPECT_FALSE(parse_response("The current directory contains several files.\nYou should look at them.").has_command());
}

TEST(ResponseParser, DeclinesAnEmptyAnswer)
{
  const auto parsed = parse_response("   \n ");
  EXPECT_FALSE(parsed.has_command());
  EXPECT_NE(parsed.declined_reason.find("empty"), std::string::npos);
}

TEST(ResponseParser, DeclinesAnEmptyFence)
{
  EXPECT_FALSE(parse_response("```bash\n```").has_command());
}

TEST(LooksLikeProse, RecognisesSentences)
{
  EXPECT_TRUE(looks_like_prose("This command lists the files."));
  EXPECT_TRUE(looks_like_prose("Sorry, I can't."));
  EXPECT_TRUE(looks_like_prose("To list files, run ls."));
}

TEST(LooksLikeProse, DoesNotFlagCommands)
{
  EXPECT_FALSE(looks_like_prose("ls -la"));
  EXPECT_FALSE(looks_like_prose("tar -czf backup.tar.gz ."));
  EXPECT_FALSE(looks_like_prose("run-parts /etc/cron.daily"));
}

} // namespace
} // namespace caro::backends
