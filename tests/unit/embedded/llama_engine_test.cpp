// The engine's generation limits on the generated tiny model: it stops at the
// end of the answer line, and the benchmarks' exact-token mode generates the
// requested number of tokens whatever the model says.

#include "caro/backends/embedded/llama_engine.h"

#include <gtest/gtest.h>

#include <string>

namespace caro::backends {
namespace {

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
#endif

} // namespace
} // namespace caro::backends
