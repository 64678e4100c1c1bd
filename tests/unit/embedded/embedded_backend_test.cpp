// The embedded backend in-process, on the generated tiny model: availability
// without loading, the known answer, the prefix cache across instances, and
// model resolution errors.

#include "caro/backends/embedded/embedded_backend.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace caro::backends {
namespace {

using caro::testing::TempDir;

class EmbeddedBackendTest : public ::testing::Test
{
protected:
  TempDir home;

  EmbeddedOptions options(const std::string& model) const
  {
    return EmbeddedOptions{model, fixed_environment({{"HOME", home.path().string()},
                                                     {"XDG_CACHE_HOME", (home.path() / "cache").string()},
                                                     {"XDG_DATA_HOME", (home.path() / "data").string()}})};
  }

  static double timing(const Generation& generation, const std::string& name)
  {
    for (const auto& [phase, ms] : generation.timing_ms) {
      if (phase == name) {
        return ms;
      }
    }
    return -1.0;
  }
};

TEST_F(EmbeddedBackendTest, IsNamedEmbedded)
{
  EXPECT_EQ(EmbeddedBackend(options("smollm-135m")).name(), "embedded");
}

#if CARO_HAVE_LLAMA

TEST_F(EmbeddedBackendTest, CatalogModelNotDownloadedIsUnavailableWithThePullCommand)
{
  const auto availability = EmbeddedBackend(options("smollm-135m")).availability();
  EXPECT_FALSE(availability.usable);
  EXPECT_NE(availability.reason.find("model smollm-135m is not downloaded; run caro model pull smollm-135m"),
            std::string::npos)
      << availability.reason;
}

TEST_F(EmbeddedBackendTest, UnknownModelIdIsUnavailable)
{
  const auto availability = EmbeddedBackend(options("llama-9000")).availability();
  EXPECT_FALSE(availability.usable);
  EXPECT_NE(availability.reason.find("unknown model"), std::string::npos);
}

TEST_F(EmbeddedBackendTest, MissingPathIsUnavailableAndNamesTheFile)
{
  const auto path = (home.path() / "none.gguf").string();
  const auto availability = EmbeddedBackend(options(path)).availability();
  EXPECT_FALSE(availability.usable);
  EXPECT_NE(availability.reason.find(path), std::string::npos);
}

TEST_F(EmbeddedBackendTest, ExistingFileIsAvailableWithoutLoadingIt)
{
  // Not a model at all: availability only stats the file.
  const auto path = home.write("junk.gguf", "junk").string();
  EXPECT_TRUE(EmbeddedBackend(options(path)).availability().usable);
}

TEST_F(EmbeddedBackendTest, NonGgufFileIsAnErrorFromGenerate)
{
  const auto path = home.write("junk.gguf", "junk that is long enough to have a header").string();
  EmbeddedBackend backend(options(path));
  const auto generation = backend.generate({"list files", nullptr});
  ASSERT_FALSE(generation);
  EXPECT_NE(generation.error().message.find(path), std::string::npos);
  EXPECT_NE(generation.error().message.find("not a GGUF model"), std::string::npos);
}

#ifdef CARO_TEST_MODEL_DIR
const std::string k_tiny = std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf";

TEST_F(EmbeddedBackendTest, TinyModelAnswersLsLa)
{
  ExecutionContext context;
  context.os = "Linux";
  context.cwd = "/tmp";
  EmbeddedBackend backend(options(k_tiny));
  const auto generation = backend.generate({"list all files", &context});
  ASSERT_TRUE(generation) << generation.error().message;
  ASSERT_EQ(generation->candidates.size(), 1u) << generation->declined_reason;
  EXPECT_EQ(generation->candidates[0].command, "ls -la");
  EXPECT_GT(generation->candidates[0].confidence, 0.5);
  EXPECT_LE(generation->candidates[0].confidence, 1.0);
}

TEST_F(EmbeddedBackendTest, SecondInstanceRestoresThePrefixFromDisk)
{
  ExecutionContext context;
  {
    EmbeddedBackend first(options(k_tiny));
    const auto generation = first.generate({"list all files", &context});
    ASSERT_TRUE(generation) << generation.error().message;
    EXPECT_EQ(timing(*generation, "prefix_cache_hit"), 0.0);
  }
  EXPECT_TRUE(std::filesystem::exists(home.path() / "cache" / "caro" / "prefix"));
  EmbeddedBackend second(options(k_tiny));
  const auto generation = second.generate({"show the files", &context});
  ASSERT_TRUE(generation) << generation.error().message;
  EXPECT_EQ(timing(*generation, "prefix_cache_hit"), 1.0);
  ASSERT_EQ(generation->candidates.size(), 1u);
  EXPECT_EQ(generation->candidates[0].command, "ls -la");
}

TEST_F(EmbeddedBackendTest, OneInstanceAnswersRepeatedRequests)
{
  ExecutionContext context;
  EmbeddedBackend backend(options(k_tiny));
  for (const char* request : {"list all files", "what is here", "ls"}) {
    const auto generation = backend.generate({request, &context});
    ASSERT_TRUE(generation) << generation.error().message;
    ASSERT_EQ(generation->candidates.size(), 1u);
    EXPECT_EQ(generation->candidates[0].command, "ls -la") << request;
  }
}

TEST_F(EmbeddedBackendTest, DisabledPrefixCacheWritesNothing)
{
  auto opts = options(k_tiny);
  opts.prefix_cache = false;
  EmbeddedBackend backend(std::move(opts));
  ExecutionContext context;
  ASSERT_TRUE(backend.generate({"list all files", &context}));
  EXPECT_FALSE(std::filesystem::exists(home.path() / "cache" / "caro" / "prefix"));
}
TEST_F(EmbeddedBackendTest, PrefixCacheSwitchedOffByTheEnvironmentWritesNothing)
{
  auto opts = options(k_tiny);
  opts.env = fixed_environment({{"HOME", home.path().string()},
                                {"XDG_CACHE_HOME", (home.path() / "cache").string()},
                                {"CARO_PREFIX_CACHE", "0"}});
  EmbeddedBackend backend(std::move(opts));
  ExecutionContext context;
  const auto generation = backend.generate({"list all files", &context});
  ASSERT_TRUE(generation) << generation.error().message;
  EXPECT_EQ(timing(*generation, "prefix_cache_hit"), 0.0);
  EXPECT_FALSE(std::filesystem::exists(home.path() / "cache" / "caro" / "prefix"));
}
#endif

#else

TEST_F(EmbeddedBackendTest, WithoutLlamaItIsUnavailableAndSaysWhy)
{
  const auto availability = EmbeddedBackend(options("smollm-135m")).availability();
  EXPECT_FALSE(availability.usable);
  EXPECT_NE(availability.reason.find("llama.cpp"), std::string::npos);
}

#endif

} // namespace
} // namespace caro::backends
