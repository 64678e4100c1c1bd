// The prompt: what the model is told about the machine, which parts are
// stable (cacheable) and which change per request.

#include "caro/backends/embedded/prompt_builder.h"

#include <gtest/gtest.h>

namespace caro::backends {
namespace {

ExecutionContext sample_context()
{
  ExecutionContext context;
  context.os = "Linux";
  context.arch = "x86_64";
  context.shell = Shell::zsh;
  context.cwd = "/home/ada/project";
  context.platform = Platform::bsd;
  context.installed = {"fd", "rg", "git"};
  return context;
}

TEST(PromptBuilder, SystemPromptNamesOsShellDialectAndTools)
{
  const std::string prompt = build_system_prompt(sample_context());
  EXPECT_NE(prompt.find("Linux x86_64"), std::string::npos) << prompt;
  EXPECT_NE(prompt.find("Shell: zsh"), std::string::npos) << prompt;
  EXPECT_NE(prompt.find("BSD"), std::string::npos) << prompt;
  EXPECT_NE(prompt.find("fd, git, rg"), std::string::npos) << prompt;
}

TEST(PromptBuilder, SystemPromptAsksForOneCommandOnOneLine)
{
  const std::string prompt = build_system_prompt(sample_context());
  EXPECT_NE(prompt.find("one shell command"), std::string::npos);
  EXPECT_NE(prompt.find("on one line"), std::string::npos);
}

TEST(PromptBuilder, DialectFollowsThePlatform)
{
  auto context = sample_context();
  context.platform = Platform::busybox;
  EXPECT_NE(build_system_prompt(context).find("BusyBox"), std::string::npos);
  context.platform = Platform::gnu;
  EXPECT_NE(build_system_prompt(context).find("GNU"), std::string::npos);
}

TEST(PromptBuilder, PrefixDoesNotDependOnTheWorkingDirectory)
{
  auto here = sample_context();
  auto there = sample_context();
  there.cwd = "/tmp/elsewhere";
  EXPECT_EQ(render_chatml(build_prefix_turns(here), false), render_chatml(build_prefix_turns(there), false));
}

TEST(PromptBuilder, PrefixIsSystemThenExamplePairs)
{
  const auto turns = build_prefix_turns(sample_context());
  ASSERT_GE(turns.size(), 3u);
  EXPECT_EQ(turns[0].role, "system");
  EXPECT_EQ((turns.size() - 1) % 2, 0u);
  for (size_t i = 1; i < turns.size(); i += 2) {
    EXPECT_EQ(turns[i].role, "user");
    EXPECT_EQ(turns[i + 1].role, "assistant");
    EXPECT_EQ(turns[i + 1].content.find('\n'), std::string::npos) << "examples answer on one line";
  }
}

TEST(PromptBuilder, RequestTurnCarriesTheDirectoryAndTheTrimmedRequest)
{
  const ChatTurn turn = build_request_turn(sample_context(), "  list all files \n");
  EXPECT_EQ(turn.role, "user");
  EXPECT_EQ(turn.content, "(current directory: /home/ada/project)\nlist all files");
}

TEST(PromptBuilder, ChatMLRendersEveryTurnAndOpensTheAssistantTurn)
{
  const std::vector<ChatTurn> turns = {{"system", "be brief"}, {"user", "hi"}};
  EXPECT_EQ(render_chatml(turns, true),
            "<|im_start|>system\nbe brief<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
  EXPECT_EQ(render_chatml(turns, false), "<|im_start|>system\nbe brief<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n");
}

TEST(PromptBuilder, PrefixRendersAsAPrefixOfTheWholePrompt)
{
  const auto context = sample_context();
  auto prefix = build_prefix_turns(context);
  const std::string prefix_text = render_chatml(prefix, false);
  prefix.push_back(build_request_turn(context, "list files"));
  EXPECT_EQ(render_chatml(prefix, true).rfind(prefix_text, 0), 0u);
}

} // namespace
} // namespace caro::backends
