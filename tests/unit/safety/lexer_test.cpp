// The shell lexer: quoting and escapes produce the right normalised text,
// spans point into the original string, operators and redirections are
// recognised, and substitutions are lexed as nested commands.

#include "caro/safety/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::safety {
namespace {

std::vector<std::string> texts(const LexResult& result)
{
  std::vector<std::string> out;
  for (const Token& token : result.tokens) {
    out.push_back(token.kind == TokenKind::word ? token.word.text : "<" + token.op + ">");
  }
  return out;
}

std::string_view spanned(std::string_view text, Span span)
{
  return text.substr(span.begin, span.end - span.begin);
}

TEST(Lexer, SplitsWordsOnBlanks)
{
  const LexResult result = lex("ls  -la\t/tmp");
  EXPECT_FALSE(result.problem);
  EXPECT_EQ(texts(result), (std::vector<std::string>{"ls", "-la", "/tmp"}));
}

TEST(Lexer, RemovesQuotesAndEscapes)
{
  const LexResult result = lex(R"('r'm "a b" \/ "x\"y" 'it'\''s' "\$HOME" $'a\tb\x41')");
  ASSERT_FALSE(result.problem);
  EXPECT_EQ(texts(result), (std::vector<std::string>{"rm", "a b", "/", "x\"y", "it's", "$HOME", "a\tbA"}));
  EXPECT_TRUE(result.tokens[0].word.quoted);
  EXPECT_TRUE(result.tokens[2].word.quoted);
  EXPECT_TRUE(result.tokens[5].word.expansions.empty()) << "an escaped $ is not an expansion";
}

TEST(Lexer, WordSpansCoverTheRawText)
{
  const std::string command = "echo 'a b' \"c\"d";
  const LexResult result = lex(command);
  ASSERT_EQ(result.tokens.size(), 3U);
  EXPECT_EQ(spanned(command, result.tokens[1].word.span), "'a b'");
  EXPECT_EQ(spanned(command, result.tokens[2].word.span), "\"c\"d");
  EXPECT_EQ(result.tokens[2].word.text, "cd");
}

TEST(Lexer, RecordsExpansionsAndUnquotedFlags)
{
  const LexResult result = lex("echo $HOME \"${X}\" ~/a * '*' $1");
  ASSERT_EQ(result.tokens.size(), 7U);
  const Word& home = result.tokens[1].word;
  ASSERT_EQ(home.expansions.size(), 1U);
  EXPECT_EQ(home.expansions[0].name, "HOME");
  EXPECT_TRUE(home.unquoted_variable);
  const Word& braced = result.tokens[2].word;
  ASSERT_EQ(braced.expansions.size(), 1U);
  EXPECT_EQ(braced.expansions[0].name, "X");
  EXPECT_TRUE(braced.expansions[0].quoted);
  EXPECT_FALSE(braced.unquoted_variable);
  EXPECT_EQ(braced.text, "${X}");
  EXPECT_EQ(result.tokens[3].word.expansions.at(0).name, "~");
  EXPECT_TRUE(result.tokens[4].word.unquoted_glob);
  EXPECT_FALSE(result.tokens[5].word.unquoted_glob);
  EXPECT_EQ(result.tokens[6].word.expansions.at(0).name, "1");
}

TEST(Lexer, RecognisesOperators)
{
  // `|&` is a pipe (with stderr): in the flattened tokens it reads as "|".
  const LexResult result = lex("a|b||c&&d;e&f|&g\nh");
  ASSERT_FALSE(result.problem);
  EXPECT_EQ(texts(result), (std::vector<std::string>{"a", "<|>", "b", "<||>", "c", "<&&>", "d", "<;>", "e", "<&>", "f",
                                                     "<|>", "g", "<\n>", "h"}));
}

TEST(Lexer, RecognisesRedirectionsWithTargets)
{
  const std::string command = "cmd >out 2>> err.log &>all <in 2>&1 >| clobber";
  const LexResult result = lex(command);
  ASSERT_FALSE(result.problem);
  ASSERT_EQ(result.tokens.size(), 7U);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {">", "out"}, {"2>>", "err.log"}, {"&>", "all"}, {"<", "in"}, {"2>&", "1"}, {">|", "clobber"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Token& token = result.tokens[i + 1];
    EXPECT_EQ(token.kind, TokenKind::redirect);
    EXPECT_EQ(token.op, expected[i].first);
    EXPECT_EQ(token.word.text, expected[i].second);
  }
  EXPECT_EQ(spanned(command, result.tokens[2].span), "2>> err.log");
}

TEST(Lexer, CommentsStartOnlyAtWordStart)
{
  const LexResult result = lex("echo a#b # the rest\nls");
  EXPECT_EQ(texts(result), (std::vector<std::string>{"echo", "a#b", "<\n>", "ls"}));
}

TEST(Lexer, CommandSubstitutionsAreLexedRecursively)
{
  const std::string command = "echo $(rm -rf \"$(pwd)\") `date`";
  const LexResult result = lex(command);
  ASSERT_FALSE(result.problem);
  ASSERT_EQ(result.tokens.size(), 3U);
  const Word& word = result.tokens[1].word;
  ASSERT_EQ(word.substitutions.size(), 1U);
  const Substitution& outer = word.substitutions[0];
  EXPECT_EQ(spanned(command, outer.span), "$(rm -rf \"$(pwd)\")");
  ASSERT_EQ(outer.tokens.size(), 3U);
  EXPECT_EQ(outer.tokens[0].word.text, "rm");
  EXPECT_EQ(spanned(command, outer.tokens[0].span), "rm");
  // The inner $(pwd) belongs to the nested script, where it is checked.
  ASSERT_TRUE(outer.script);
  const Command& rm = outer.script->pipelines.at(0).commands.at(0);
  ASSERT_EQ(rm.words.size(), 3U);
  EXPECT_EQ(rm.words[2]->substitutions.size(), 1U);
  const Word& backtick = result.tokens[2].word;
  ASSERT_EQ(backtick.substitutions.size(), 1U);
  EXPECT_EQ(backtick.substitutions[0].kind, SubstitutionKind::backtick);
  EXPECT_EQ(backtick.substitutions[0].tokens.at(0).word.text, "date");
}

TEST(Lexer, ProcessSubstitutionsAreWords)
{
  const LexResult result = lex("diff <(ls a) >(wc)");
  ASSERT_EQ(result.tokens.size(), 3U);
  EXPECT_EQ(result.tokens[1].word.substitutions.at(0).kind, SubstitutionKind::process_input);
  EXPECT_EQ(result.tokens[2].word.substitutions.at(0).kind, SubstitutionKind::process_output);
  EXPECT_EQ(result.tokens[1].word.substitutions[0].tokens.size(), 2U);
}

TEST(Lexer, ParenthesesInsideSubstitutionsNest)
{
  const LexResult result = lex("echo $( (ls) ; echo $((1+2)) ) after");
  ASSERT_FALSE(result.problem);
  EXPECT_EQ(result.tokens.size(), 3U);
  EXPECT_EQ(result.tokens[2].word.text, "after");
}

TEST(Lexer, ReadsHereDocumentBodies)
{
  const LexResult result = lex("cat <<EOF > out\nline one\nEOF\nls");
  ASSERT_FALSE(result.problem);
  ASSERT_GE(result.tokens.size(), 4U);
  EXPECT_EQ(result.tokens[1].op, "<<");
  EXPECT_EQ(result.tokens[1].heredoc_body, "line one\n");
  EXPECT_EQ(result.tokens.back().word.text, "ls");
}

TEST(Lexer, ArrayAssignmentsStayOneWord)
{
  const LexResult result = lex("arr=(a b c) cmd");
  ASSERT_FALSE(result.problem);
  EXPECT_EQ(texts(result), (std::vector<std::string>{"arr=(a b c)", "cmd"}));
}

TEST(Lexer, ReportsUnterminatedConstructsButKeepsEarlierTokens)
{
  for (const std::string_view command :
       {"rm -rf / 'x", "rm -rf / \"x", "rm -rf / $(x", "rm -rf / `x", "rm -rf / ${x", "rm -rf / $'x"}) {
    const LexResult result = lex(command);
    ASSERT_TRUE(result.problem) << command;
    EXPECT_EQ(result.problem->rule_id, "parse.error");
    ASSERT_GE(result.tokens.size(), 3U) << command;
    EXPECT_EQ(result.tokens[2].word.text, "/");
  }
}

TEST(Lexer, SpanMapShiftsOrCollapses)
{
  const LexResult shifted = lex("rm x", SpanMap{10, std::nullopt});
  EXPECT_EQ(shifted.tokens.at(1).span.begin, 13U);
  const LexResult collapsed = lex("rm x", SpanMap{0, Span{4, 9}});
  EXPECT_EQ(collapsed.tokens.at(1).span.begin, 4U);
  EXPECT_EQ(collapsed.tokens.at(1).span.end, 9U);
  EXPECT_FALSE(collapsed.tokens.at(1).word.span_exact);
}

TEST(Lexer, StopsAtTheNestingLimit)
{
  std::string command = "x";
  for (int i = 0; i <= k_max_nesting + 1; ++i) {
    command = "$(" + command + ")";
  }
  const LexResult result = lex(command);
  ASSERT_TRUE(result.problem);
  EXPECT_EQ(result.problem->rule_id, "parse.too-deep");
}

} // namespace
} // namespace caro::safety
