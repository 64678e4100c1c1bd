#include "caro/util/shell_quote.h"

#include <gtest/gtest.h>

namespace caro::util {
namespace {

TEST(ShellQuote, LeavesPlainWordsAlone)
{
  EXPECT_EQ(shell_quote("src/main.cpp"), "src/main.cpp");
  EXPECT_EQ(shell_quote("a-b_c.d:e=f@g%h+i,j"), "a-b_c.d:e=f@g%h+i,j");
}

TEST(ShellQuote, QuotesSpacesAndSpecials)
{
  EXPECT_EQ(shell_quote("my file.txt"), "'my file.txt'");
  EXPECT_EQ(shell_quote("$HOME"), "'$HOME'");
  EXPECT_EQ(shell_quote(""), "''");
}

TEST(ShellQuote, EscapesEmbeddedSingleQuotesPerShell)
{
  EXPECT_EQ(shell_quote("it's", Shell::bash), "'it'\\''s'");
  EXPECT_EQ(shell_quote("it's", Shell::fish), "'it\\'s'");
  EXPECT_EQ(shell_quote("a\\b", Shell::fish), "'a\\\\b'");
  EXPECT_EQ(shell_quote("a\\b", Shell::bash), "'a\\b'");
}

TEST(ShellQuote, ZshEqualsExpansionIsQuoted)
{
  EXPECT_EQ(shell_quote("=ls", Shell::zsh), "'=ls'");
  EXPECT_EQ(shell_quote("=ls", Shell::bash), "=ls");
}

TEST(QuotePattern, AlwaysQuotesGlobs)
{
  EXPECT_EQ(quote_pattern("*.py"), "'*.py'");
  EXPECT_EQ(quote_pattern("file?.txt"), "'file?.txt'");
  EXPECT_EQ(quote_pattern("README"), "README");
}

} // namespace
} // namespace caro::util
