// The plain fast path (parse_plain) must read every command it accepts
// exactly as the tree-sitter grammar does: same pipelines, separators, spans
// and words. Checked on every command of the corpora, the benchmark corpus,
// the rule examples and some edge cases; the fuzz target checks the same on
// random input.

#include "caro/safety/parser.h"
#include "caro/safety/rules.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace caro::safety {
namespace {

void expect_same_word(const Word& plain, const Word& grammar, const std::string& context)
{
  EXPECT_EQ(plain.text, grammar.text) << context;
  EXPECT_EQ(plain.span.begin, grammar.span.begin) << context;
  EXPECT_EQ(plain.span.end, grammar.span.end) << context;
  EXPECT_EQ(plain.span_exact, grammar.span_exact) << context;
  EXPECT_EQ(plain.quoted, grammar.quoted) << context;
  EXPECT_EQ(plain.unquoted_variable, grammar.unquoted_variable) << context;
  EXPECT_EQ(plain.unquoted_glob, grammar.unquoted_glob) << context;
  EXPECT_EQ(plain.expansions.size(), grammar.expansions.size()) << context;
  EXPECT_EQ(plain.substitutions.size(), grammar.substitutions.size()) << context;
}

void expect_same_script(const Script& plain, const Script& grammar, const std::string& text)
{
  ASSERT_EQ(plain.pipelines.size(), grammar.pipelines.size()) << text;
  for (std::size_t p = 0; p < plain.pipelines.size(); ++p) {
    const Pipeline& a = plain.pipelines[p];
    const Pipeline& b = grammar.pipelines[p];
    EXPECT_EQ(a.separator, b.separator) << text;
    EXPECT_EQ(a.background, b.background) << text;
    EXPECT_EQ(a.span.begin, b.span.begin) << text;
    EXPECT_EQ(a.span.end, b.span.end) << text;
    ASSERT_EQ(a.commands.size(), b.commands.size()) << text;
    for (std::size_t c = 0; c < a.commands.size(); ++c) {
      const Command& x = a.commands[c];
      const Command& y = b.commands[c];
      EXPECT_EQ(x.kind, y.kind) << text;
      EXPECT_EQ(x.span.begin, y.span.begin) << text;
      EXPECT_EQ(x.span.end, y.span.end) << text;
      EXPECT_EQ(x.assignments.size(), y.assignments.size()) << text;
      EXPECT_EQ(x.redirects.size(), y.redirects.size()) << text;
      EXPECT_EQ(x.body.size(), y.body.size()) << text;
      ASSERT_EQ(x.words.size(), y.words.size()) << text;
      for (std::size_t w = 0; w < x.words.size(); ++w) {
        expect_same_word(*x.words[w], *y.words[w], text + " (word " + std::to_string(w) + ")");
      }
    }
  }
}

// Returns whether the fast path accepted the text.
bool check(const std::string& text, BashParser& parser)
{
  const std::optional<Script> plain = parse_plain(text);
  if (!plain) {
    return false;
  }
  const ParseResult grammar = parse_with_grammar(parser, text);
  EXPECT_FALSE(grammar.problem) << "the fast path accepted what the grammar rejects: " << text;
  expect_same_script(*plain, grammar.script, text);
  return true;
}

std::vector<std::string> all_commands()
{
  std::vector<std::string> commands;
  std::ifstream corpus(std::string(CARO_SOURCE_DIR) + "/benches/validation/corpus.txt");
  std::string line;
  while (std::getline(corpus, line)) {
    if (!line.empty() && !line.starts_with('#')) {
      commands.push_back(line);
    }
  }
  for (const char* name : {"dangerous.jsonl", "benign.jsonl"}) {
    std::ifstream in(std::string(CARO_SOURCE_DIR) + "/tests/safety/" + name);
    while (std::getline(in, line)) {
      if (!line.empty()) {
        commands.push_back(nlohmann::json::parse(line).at("cmd").get<std::string>());
      }
    }
  }
  for (const Rule& rule : all_rules()) {
    commands.insert(commands.end(), rule.match_examples.begin(), rule.match_examples.end());
    commands.insert(commands.end(), rule.not_match_examples.begin(), rule.not_match_examples.end());
  }
  return commands;
}

TEST(PlainParse, AgreesWithTheGrammarOnEveryKnownCommand)
{
  BashParser parser;
  std::size_t accepted = 0;
  const std::vector<std::string> commands = all_commands();
  for (const std::string& command : commands) {
    accepted += check(command, parser) ? 1 : 0;
  }
  EXPECT_GT(accepted, commands.size() / 4) << "the fast path should take most everyday commands";
}

TEST(PlainParse, AgreesWithTheGrammarOnEdgeCases)
{
  BashParser parser;
  for (const char* text :
       {"ls", "  ls  -la  ", "a|b", "a | b | c", "a&&b||c", "a ; b;c", "dd if=x of=y", "x -- -y", "echo 1 2 3",
        "a:b c,d e+f g@h i%j", "./run.sh --flag=value", "/bin/rm -rf /", "cd / && rm -rf .", "echo a= b=c",
        "git commit -m x", "head -n 5 f | tail -1", "echo done?", "echo fi", "true", ":", "a%", "-x", "--", "1 2",
        "ls -la ; pwd ; whoami", "echo a==b", "echo ===", "x --a=b=c", "echo =", "echo a= =b",
        // The grammar nests `b | c && d` inside the pipeline; bash and the builder read
        // (a | b | c) && d.
        "a | b | c && d", "a | b | c || d && e; f", "a | b | c && d | e | f && g", "a | b | c | d && e",
        "cu:l x0 |ls -la | grep -shv x && make; gi tsta"}) {
    check(text, parser);
  }
  // Every character the fast path allows, at the start, inside and at the end
  // of a command name and of an argument.
  for (const char c : std::string_view("abzAZ09_./,:=+-")) {
    const std::string one(1, c);
    for (const std::string& text : {one, one + "x", "x" + one, "x" + one + "y", "echo " + one, "echo " + one + "x",
                                    "echo x" + one, "echo x" + one + "y", "echo " + one + one, one + " | " + one,
                                    "echo -" + one, "echo --x" + one + "y", "echo x=" + one, "echo " + one + "=x"}) {
      check(text, parser);
    }
  }
}

TEST(PlainParse, TakesPlainCommandsAndLeavesTheRestToTheGrammar)
{
  for (const char* text : {"ls -la", "git status", "grep -rn TODO src/ | wc -l", "make && make test", "a; b"}) {
    EXPECT_TRUE(parse_plain(text).has_value()) << text;
  }
  for (const char* text : {"",
                           "   ",
                           "echo 'x'",
                           "echo $HOME",
                           "ls > out",
                           "ls &",
                           "a=b ls",
                           "ls |",
                           "ls &&",
                           "ls;",
                           "if true; then ls; fi",
                           "for x in a; do ls; done",
                           "export A=b",
                           "ls ~",
                           "rm -rf *",
                           "a\nb",
                           "echo a#b",
                           "ls;;",
                           "ls |& cat",
                           "echo {a,b}",
                           "!ls"}) {
    EXPECT_FALSE(parse_plain(text).has_value()) << text;
  }
}

} // namespace
} // namespace caro::safety
