// Model-file checks: a missing, tiny, non-GGUF, damaged or truncated file is
// a clear error naming the file and the fix; a good model passes.

#include "caro/backends/embedded/gguf_check.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace caro::backends {
namespace {

using caro::testing::TempDir;

std::string header(uint32_t version, uint64_t tensors, uint64_t kvs)
{
  std::string bytes = "GGUF";
  bytes.append(reinterpret_cast<const char*>(&version), 4);
  bytes.append(reinterpret_cast<const char*>(&tensors), 8);
  bytes.append(reinterpret_cast<const char*>(&kvs), 8);
  return bytes;
}

TEST(GgufCheck, MissingFileNamesItAndSuggestsPullForCatalogModels)
{
  const auto result = check_model_file("/nonexistent/dir/m.gguf", "smollm-135m");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("/nonexistent/dir/m.gguf"), std::string::npos);
  EXPECT_NE(result.error().message.find("does not exist"), std::string::npos);
  EXPECT_NE(result.error().hint.find("caro model pull smollm-135m"), std::string::npos);
}

TEST(GgufCheck, MissingPathPointsAtTheSetting)
{
  const auto result = check_model_file("/nonexistent/m.gguf", "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().hint.find("--model"), std::string::npos);
}

TEST(GgufCheck, DirectoryIsNotAModel)
{
  TempDir dir;
  const auto result = check_model_file(dir.path().string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not a regular file"), std::string::npos);
}

TEST(GgufCheck, EmptyFileIsNotAModel)
{
  TempDir dir;
  const auto path = dir.write("empty.gguf", "");
  const auto result = check_model_file(path.string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find(path.string()), std::string::npos);
  EXPECT_NE(result.error().message.find("not a GGUF model"), std::string::npos);
}

TEST(GgufCheck, TextFileIsNotAModel)
{
  TempDir dir;
  const auto path = dir.write("model.gguf", "<html>404 Not Found: this is not the model you want</html>\n");
  const auto result = check_model_file(path.string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("does not start with \"GGUF\""), std::string::npos);
  EXPECT_NE(result.error().hint.find("GGUF"), std::string::npos);
}

TEST(GgufCheck, UnknownVersionIsReported)
{
  TempDir dir;
  const auto path = dir.write("v9.gguf", header(9, 0, 0));
  const auto result = check_model_file(path.string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("version 9"), std::string::npos);
}

TEST(GgufCheck, ImpossibleCountsAreDamage)
{
  TempDir dir;
  const auto path = dir.write("huge.gguf", header(3, uint64_t{1} << 40, 0));
  const auto result = check_model_file(path.string(), "qwen2.5-coder-1.5b");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("damaged"), std::string::npos);
  EXPECT_NE(result.error().hint.find("caro model pull qwen2.5-coder-1.5b"), std::string::npos);
}

TEST(GgufCheck, MetadataCutShortIsDamage)
{
  TempDir dir;
  // Claims one key/value but ends right after the header.
  const auto path = dir.write("cut.gguf", header(3, 0, 1));
  const auto result = check_model_file(path.string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("damaged or truncated"), std::string::npos);
}

TEST(GgufCheck, EmptyButWellFormedFilePasses)
{
  TempDir dir;
  const auto path = dir.write("nothing.gguf", header(3, 0, 0));
  const auto result = check_model_file(path.string(), "");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->version, 3u);
}

#ifdef CARO_TEST_MODEL_DIR
const std::string k_tiny = std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf";

TEST(GgufCheck, GeneratedTinyModelPasses)
{
  const auto result = check_model_file(k_tiny, "");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_GT(result->tensor_count, 10u);
  EXPECT_GT(result->kv_count, 10u);
#if CARO_HAVE_LLAMA
  EXPECT_EQ(result->required_bytes, result->file_bytes);
#endif
}

TEST(GgufCheck, TruncatedModelSaysTruncatedAndHowBig)
{
  TempDir dir;
  const auto copy = dir.path() / "cut.gguf";
  std::filesystem::copy_file(k_tiny, copy);
  const auto full = std::filesystem::file_size(copy);
  std::filesystem::resize_file(copy, full - 1000);
  const auto result = check_model_file(copy.string(), "smollm-135m");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find(copy.string()), std::string::npos);
  EXPECT_NE(result.error().message.find("truncated"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().hint.find("caro model pull smollm-135m"), std::string::npos);
}

TEST(GgufCheck, ModelCutInsideItsMetadataIsDamage)
{
  TempDir dir;
  const auto copy = dir.path() / "cut.gguf";
  std::filesystem::copy_file(k_tiny, copy);
  std::filesystem::resize_file(copy, 4096);
  const auto result = check_model_file(copy.string(), "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("damaged or truncated"), std::string::npos) << result.error().message;
}
#endif

} // namespace
} // namespace caro::backends
