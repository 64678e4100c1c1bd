// The tree-sitter front end: the compiled-in grammar loads in the linked
// runtime, parses bash, and the parser reduces the tree to commands wherever
// they occur, with byte spans into the original text.

#include "caro/safety/bash_tree.h"
#include "caro/safety/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::safety {
namespace {

// The first word of every command, depth-first, including substitutions.
void collect(const std::vector<Pipeline>& pipelines, std::vector<std::string>& out)
{
  for (const Pipeline& pipeline : pipelines) {
    for (const Command& command : pipeline.commands) {
      if (!command.words.empty()) {
        out.push_back(command.words.front()->text);
      }
      for (const Word* word : command.words) {
        for (const Substitution& substitution : word->substitutions) {
          if (substitution.script) {
            collect(substitution.script->pipelines, out);
          }
        }
      }
      for (const Token* redirect : command.redirects) {
        for (const Substitution& substitution : redirect->word.substitutions) {
          if (substitution.script) {
            collect(substitution.script->pipelines, out);
          }
        }
      }
      collect(command.body, out);
    }
  }
}

std::vector<std::string> names(std::string_view text)
{
  const ParseResult result = parse(text);
  EXPECT_FALSE(result.problem) << text;
  std::vector<std::string> out;
  collect(result.script.pipelines, out);
  return out;
}

TEST(BashTree, CompiledGrammarLoadsInTheRuntime)
{
  EXPECT_FALSE(grammar_abi_problem().has_value());
  const BashParser parser;
  EXPECT_TRUE(parser.ok()) << parser.problem();
}

TEST(BashTree, AbiRangeIsTheRuntimes)
{
  EXPECT_TRUE(abi_compatible(TREE_SITTER_LANGUAGE_VERSION));
  EXPECT_TRUE(abi_compatible(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION));
  EXPECT_FALSE(abi_compatible(TREE_SITTER_LANGUAGE_VERSION + 1));
  EXPECT_FALSE(abi_compatible(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION - 1));
}

TEST(BashTree, ParsesIntoATreeWithKinds)
{
  BashParser parser;
  const TreeHandle tree = parser.parse("ls -l | wc");
  ASSERT_TRUE(tree);
  const TSNode root = ts_tree_root_node(tree.get());
  EXPECT_EQ(parser.kind(root), NodeKind::program);
  EXPECT_EQ(parser.kind(ts_node_named_child(root, 0)), NodeKind::pipeline);
}

TEST(BashTree, FindsCommandsEverywhere)
{
  EXPECT_EQ(names("if a; then b; elif c; then d; else e; fi"), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(names("while a; do b; done; until c; do d; done"), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(names("f() { a | b; }; (c && d) || { e; }"), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(names("x $(a `b`) <(c) >(d) \"$(e)\""), (std::vector<std::string>{"x", "a", "b", "c", "d", "e"}));
  EXPECT_EQ(names("for i in $(a); do b; done"), (std::vector<std::string>{"for", "a", "b"}));
  EXPECT_EQ(names("cat <<EOF\n$(a)\nEOF\n"), (std::vector<std::string>{"cat", "a"}));
  EXPECT_EQ(names("[[ -n $(a) ]] && b"), (std::vector<std::string>{"[[", "a", "b"}));
  EXPECT_EQ(names("export X=$(a)"), (std::vector<std::string>{"export", "a"}));
}

TEST(BashTree, RedirectionsAfterAPipelineBelongToItsLastCommand)
{
  const std::string text = "a | b 2>&1 | c > out";
  const ParseResult result = parse(text);
  ASSERT_FALSE(result.problem);
  const Pipeline& pipeline = result.script.pipelines.at(0);
  ASSERT_EQ(pipeline.commands.size(), 3U);
  EXPECT_TRUE(pipeline.commands[0].redirects.empty());
  ASSERT_EQ(pipeline.commands[1].redirects.size(), 1U);
  EXPECT_EQ(pipeline.commands[1].redirects[0]->op, "2>&");
  ASSERT_EQ(pipeline.commands[2].redirects.size(), 1U);
  EXPECT_EQ(pipeline.commands[2].redirects[0]->word.text, "out");
}

TEST(BashTree, WhatFollowsAHereDocumentOperatorStaysInItsPipeline)
{
  const ParseResult result = parse("cat <<EOF | sh\nrm -rf ~\nEOF\n");
  ASSERT_FALSE(result.problem);
  ASSERT_EQ(result.script.pipelines.size(), 1U);
  const Pipeline& pipeline = result.script.pipelines[0];
  ASSERT_EQ(pipeline.commands.size(), 2U);
  EXPECT_EQ(pipeline.commands[1].words.at(0)->text, "sh");
  ASSERT_EQ(pipeline.commands[0].redirects.size(), 1U);
  EXPECT_EQ(pipeline.commands[0].redirects[0]->heredoc_body, "rm -rf ~\n");
  EXPECT_EQ(names("cat <<EOF && b\nx\nEOF\n"), (std::vector<std::string>{"cat", "b"}));
}

TEST(BashTree, SpansAreByteOffsetsIntoTheOriginal)
{
  const std::string text = "echo x; sudo 'r'm -rf \"$(pwd)\"";
  const ParseResult result = parse(text, SpanMap{}, 0);
  const Command& sudo = result.script.pipelines.at(1).commands.at(0);
  EXPECT_EQ(text.substr(sudo.span.begin, sudo.span.end - sudo.span.begin), "sudo 'r'm -rf \"$(pwd)\"");
  const Word& rm = *sudo.words.at(1);
  EXPECT_EQ(rm.text, "rm");
  EXPECT_EQ(text.substr(rm.span.begin, rm.span.end - rm.span.begin), "'r'm");
  const Substitution& pwd = sudo.words.at(3)->substitutions.at(0);
  EXPECT_EQ(text.substr(pwd.span.begin, pwd.span.end - pwd.span.begin), "$(pwd)");
}

TEST(BashTree, ErrorsKeepWhatParsed)
{
  for (const std::string_view text : {"rm -rf / 'x", "echo $(rm -rf /", "ls |", "if true; then rm -rf /"}) {
    const ParseResult result = parse(text);
    ASSERT_TRUE(result.problem) << text;
    EXPECT_EQ(result.problem->rule_id, "parse.error");
    std::vector<std::string> out;
    collect(result.script.pipelines, out);
    EXPECT_FALSE(out.empty()) << text;
  }
}

TEST(BashTree, PathologicalBracketsAreRefusedBeforeTheRuntime)
{
  const ParseResult result = parse(std::string(80'000, '('));
  ASSERT_TRUE(result.problem);
  EXPECT_EQ(result.problem->rule_id, "parse.too-deep");
  std::string pipeline = "cat x";
  for (int i = 0; i < 300; ++i) {
    pipeline += " | grep y";
  }
  const ParseResult long_pipeline = parse(pipeline);
  ASSERT_TRUE(long_pipeline.problem);
  EXPECT_EQ(long_pipeline.problem->rule_id, "parse.too-deep");
  EXPECT_FALSE(parse("grep -E 'a|b|c' x || echo \"|||\"").problem) << "quoted pipes and || are not stages";
}

} // namespace
} // namespace caro::safety
