// The GGUF metadata reader on generated files, and its errors on missing,
// non-GGUF and truncated files.

#include "caro/models/gguf_info.h"
#include "support/caro_process.h"
#include "support/gguf_test_file.h"

#include <gtest/gtest.h>

namespace caro::models {
namespace {

using testing::GgufTestFile;
using testing::TempDir;

TEST(GgufInfo, ReadsVersionAndMetadata)
{
  TempDir dir;
  const auto path = dir.write("m.gguf", GgufTestFile{}.bytes());
  const auto info = read_gguf_info(path.string());
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->version, 3u);
  EXPECT_EQ(info->tensor_count, 0u);
  EXPECT_EQ(info->value("general.architecture"), "llama");
  EXPECT_EQ(info->value("general.name"), "Caro Test Model");
  EXPECT_EQ(info->value("llama.context_length"), "2048");
  EXPECT_EQ(info->array_length("tokenizer.ggml.tokens"), 3u);
  EXPECT_EQ(info->value("tokenizer.ggml.tokens"), "[3 items]");
  EXPECT_FALSE(info->value("general.license"));
}

TEST(GgufInfo, ReadsVersion2)
{
  TempDir dir;
  GgufTestFile file;
  file.version = 2;
  const auto info = read_gguf_info(dir.write("m.gguf", file.bytes()).string());
  ASSERT_TRUE(info);
  EXPECT_EQ(info->version, 2u);
}

TEST(GgufInfo, LongStringsAreCut)
{
  TempDir dir;
  GgufTestFile file;
  file.strings.emplace_back("tokenizer.chat_template", std::string(5000, 'x'));
  const auto info = read_gguf_info(dir.write("m.gguf", file.bytes()).string());
  ASSERT_TRUE(info);
  EXPECT_EQ(info->value("tokenizer.chat_template")->size(), 200u);
  EXPECT_EQ(info->value("llama.context_length"), "2048"); // later entries still read
}

TEST(GgufInfo, MissingFileNamesItAndThePull)
{
  const auto info = read_gguf_info("/nonexistent/m.gguf", "smollm-135m");
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("/nonexistent/m.gguf"), std::string::npos);
  EXPECT_NE(info.error().hint.find("caro model pull smollm-135m"), std::string::npos);
}

TEST(GgufInfo, HtmlPageIsNotGguf)
{
  TempDir dir;
  const auto path = dir.write("m.gguf", "<html><body>Access denied</body></html>");
  const auto info = read_gguf_info(path.string());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find(path.string()), std::string::npos);
  EXPECT_NE(info.error().message.find("not a GGUF model"), std::string::npos);
  EXPECT_NE(info.error().hint.find("GGUF"), std::string::npos);
}

TEST(GgufInfo, TruncatedMetadataIsReportedWithTheFix)
{
  TempDir dir;
  const std::string bytes = GgufTestFile{}.bytes();
  for (const std::size_t cut : {std::size_t{10}, std::size_t{40}, bytes.size() - 3}) {
    const auto path = dir.write("m.gguf", bytes.substr(0, cut));
    const auto info = read_gguf_info(path.string(), "smollm-135m");
    ASSERT_FALSE(info) << "cut at " << cut;
    EXPECT_NE(info.error().message.find(path.string()), std::string::npos);
    EXPECT_NE(info.error().message.find("truncated"), std::string::npos) << info.error().message;
    EXPECT_NE(info.error().hint.find("caro model pull smollm-135m"), std::string::npos);
  }
}

TEST(GgufInfo, UnknownVersionIsRefused)
{
  TempDir dir;
  GgufTestFile file;
  file.version = 7;
  const auto info = read_gguf_info(dir.write("m.gguf", file.bytes()).string());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("version 7"), std::string::npos);
}

TEST(GgufInfo, ImpossibleCountsAreDamageNotAllocation)
{
  TempDir dir;
  std::string bytes = GgufTestFile{}.bytes();
  bytes[16] = '\xff'; // kv count low byte...
  bytes[23] = '\x7f'; // ...and high byte: 2^62-ish entries
  const auto info = read_gguf_info(dir.write("m.gguf", bytes).string());
  ASSERT_FALSE(info);
  EXPECT_NE(info.error().message.find("impossible"), std::string::npos) << info.error().message;
}

} // namespace
} // namespace caro::models
