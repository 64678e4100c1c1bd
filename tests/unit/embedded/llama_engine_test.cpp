// The engine: its generation limits on the generated tiny model (it stops at
// the end of the answer line, and the benchmarks' exact-token mode generates
// the requested number of tokens whatever the model says), the context size
// it picks, and, on a random-weight model where every weight matters, that a
// prefix restored from the cache gives exactly the tokens a fresh evaluation
// gives.

#include "caro/backends/embedded/llama_engine.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <string>

namespace caro::backends {
namespace {

TEST(ContextSize, HoldsPrefixRequestAndGenerationInSteps)
{
  const uint32_t size = context_size_for(300, 30, 64);
  EXPECT_GE(size, 300u + 30u + 64u);
  EXPECT_EQ(size % 256, 0u);
}

TEST(ContextSize, IsTheSameForEveryRequestOfOrdinaryLength)
{
  // One size means one prefix-cache entry for all of them.
  EXPECT_EQ(context_size_for(300, 1, 64), context_size_for(300, 200, 64));
}

TEST(ContextSize, GrowsForALongRequest)
{
  EXPECT_GE(context_size_for(300, 1000, 64), 300u + 1000u + 64u);
  EXPECT_GT(context_size_for(300, 1000, 64), context_size_for(300, 30, 64));
}

#ifdef CARO_TEST_MODEL_DIR
const std::string k_tiny = std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf";

Completion complete_with(EngineOptions options)
{
  options.model_path = k_tiny;
  options.threads = 1;
  auto engine = LlamaEngine::load(options);
  EXPECT_TRUE(engine) << engine.error().message;
  const std::vector<ChatTurn> prefix{{"system", "You translate a request into one shell command."}};
  auto completion = (*engine)->complete(prefix, {"user", "list all files"});
  EXPECT_TRUE(completion) << completion.error().message;
  return *completion;
}

TEST(LlamaEngineTest, StopsAtTheEndOfTheAnswerLine)
{
  EngineOptions options;
  options.max_tokens = 40;
  const Completion completion = complete_with(options);
  EXPECT_LT(completion.generated_tokens, 40);
  EXPECT_EQ(completion.text.find("ls -la"), 0u) << completion.text;
}

TEST(LlamaEngineTest, ExactTokensGeneratesTheLimitPastTheStops)
{
  EngineOptions options;
  options.max_tokens = 24;
  options.exact_tokens = true;
  const Completion completion = complete_with(options);
  EXPECT_EQ(completion.generated_tokens, 24);
  EXPECT_EQ(completion.text.find("ls -la"), 0u) << completion.text;
}

TEST(LlamaEngineTest, RequestLongerThanAFixedContextIsAnError)
{
  EngineOptions options;
  options.model_path = k_tiny;
  options.threads = 1;
  options.n_ctx = 64;
  auto engine = LlamaEngine::load(options);
  ASSERT_TRUE(engine) << engine.error().message;
  std::string request;
  for (int i = 0; i < 40; ++i) {
    request += "list all the files here ";
  }
  auto completion =
      (*engine)->complete({{"system", "You translate a request into one shell command."}}, {"user", request});
  ASSERT_FALSE(completion);
  EXPECT_NE(completion.error().message.find("too long"), std::string::npos) << completion.error().message;
}

// Generates 16 tokens with the random-weight model, whose every token
// depends on the whole prompt through attention.
Completion complete_mini(const std::optional<std::string>& cache_dir, const std::string& request)
{
  EngineOptions options;
  options.model_path = std::string(CARO_TEST_MODEL_DIR) + "/caro-mini-random.gguf";
  options.threads = 1;
  options.max_tokens = 16;
  options.exact_tokens = true;
  options.cache_dir = cache_dir;
  auto engine = LlamaEngine::load(options);
  EXPECT_TRUE(engine) << engine.error().message;
  const std::vector<ChatTurn> prefix{{"system", "You translate a request into one shell command."},
                                     {"user", "count the lines in main.c"},
                                     {"assistant", "wc -l main.c"}};
  auto completion = (*engine)->complete(prefix, {"user", request});
  EXPECT_TRUE(completion) << completion.error().message;
  return completion ? *completion : Completion{};
}

TEST(LlamaEngineTest, RestoredPrefixGivesTheTokensOfAFreshEvaluation)
{
  caro::testing::TempDir cache;
  const std::string dir = cache.path().string();
  // The first request fills the cache; a different one restores it, so the
  // cached part (the opening of the user's turn included) cannot depend on
  // the request.
  const Completion filling = complete_mini(dir, "list all files");
  EXPECT_FALSE(filling.prefix_cache_hit);
  const Completion restored = complete_mini(dir, "show the disk usage of this directory");
  const Completion fresh = complete_mini(std::nullopt, "show the disk usage of this directory");
  EXPECT_TRUE(restored.prefix_cache_hit);
  EXPECT_FALSE(fresh.prefix_cache_hit);
  EXPECT_EQ(restored.generated_tokens, 16);
  EXPECT_EQ(restored.text, fresh.text);
  EXPECT_DOUBLE_EQ(restored.mean_probability, fresh.mean_probability);
  EXPECT_EQ(restored.prompt_tokens, fresh.prompt_tokens);
}
#endif

} // namespace
} // namespace caro::backends
