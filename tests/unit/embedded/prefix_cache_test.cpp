// Prefix-cache naming and the on-disk envelope: any change in what the
// state depends on changes the key; a damaged or foreign file is refused.

#include "caro/backends/embedded/prefix_cache.h"
#include "caro/backends/embedded/prefix_state_file.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

namespace caro::backends {
namespace {

using caro::testing::TempDir;

PrefixKeyInputs sample_inputs()
{
  PrefixKeyInputs inputs;
  inputs.model_path = "/m/tiny.gguf";
  inputs.model_bytes = 1234;
  inputs.model_mtime_ns = 5678;
  inputs.llama_commit = "80fb11a";
  inputs.chat_template = "chatml";
  inputs.prefix_text = "<|im_start|>system\nhello<|im_end|>\n";
  inputs.n_ctx = 2048;
  inputs.n_batch = 512;
  inputs.n_ubatch = 512;
  return inputs;
}

TEST(PrefixCacheKey, IsStableAndHex)
{
  const std::string key = prefix_cache_key(sample_inputs());
  EXPECT_EQ(key, prefix_cache_key(sample_inputs()));
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(PrefixCacheKey, ChangesWithEveryInput)
{
  const std::string base = prefix_cache_key(sample_inputs());
  const std::vector<std::function<void(PrefixKeyInputs&)>> changes = {
      [](PrefixKeyInputs& i) { i.model_path = "/m/other.gguf"; },
      [](PrefixKeyInputs& i) { i.model_bytes = 1235; },
      [](PrefixKeyInputs& i) { i.model_mtime_ns = 5679; },
      [](PrefixKeyInputs& i) { i.llama_commit = "deadbee"; },
      [](PrefixKeyInputs& i) { i.chat_template = "llama3"; },
      [](PrefixKeyInputs& i) { i.prefix_text += " "; },
      [](PrefixKeyInputs& i) { i.n_ctx = 4096; },
      [](PrefixKeyInputs& i) { i.n_batch = 256; },
      [](PrefixKeyInputs& i) { i.n_ubatch = 256; },
      [](PrefixKeyInputs& i) { i.extra = "flash"; },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    auto inputs = sample_inputs();
    changes[i](inputs);
    EXPECT_NE(prefix_cache_key(inputs), base) << "change " << i;
  }
}

TEST(PrefixCacheKey, FieldBoundariesMatter)
{
  auto a = sample_inputs();
  auto b = sample_inputs();
  // Move-assigned temporaries: g++ 12 misreports -Wrestrict on short literal assignments.
  a.chat_template = std::string("ab");
  a.prefix_text = std::string("c");
  b.chat_template = std::string("a");
  b.prefix_text = std::string("bc");
  EXPECT_NE(prefix_cache_key(a), prefix_cache_key(b));
}

TEST(PrefixCacheDirectory, UsesXdgCacheHomeThenHome)
{
  EXPECT_EQ(prefix_cache_directory(fixed_environment({{"XDG_CACHE_HOME", "/c"}, {"HOME", "/h"}})), "/c/caro/prefix");
  EXPECT_EQ(prefix_cache_directory(fixed_environment({{"HOME", "/h"}})), "/h/.cache/caro/prefix");
  EXPECT_FALSE(prefix_cache_directory(fixed_environment({})).has_value());
}

class PrefixStateFile : public ::testing::Test
{
protected:
  TempDir dir;
  std::string path = (dir.path() / "sub" / "key.bin").string();
  std::string key = "0123456789abcdef0123456789abcdef";
  std::vector<int32_t> tokens = {1, 2, 3, 151644};
  std::vector<uint8_t> payload = std::vector<uint8_t>(1000, 7);
};

TEST_F(PrefixStateFile, RoundTripsAndCreatesTheDirectory)
{
  payload[500] = 42;
  ASSERT_TRUE(write_prefix_state(path, key, tokens, payload));
  const auto read = read_prefix_state(path, key, tokens);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, payload);
}

TEST_F(PrefixStateFile, MissingFileIsAMiss)
{
  EXPECT_FALSE(read_prefix_state(path, key, tokens).has_value());
}

TEST_F(PrefixStateFile, GarbageIsRefused)
{
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << "this is not a prefix state at all";
  EXPECT_FALSE(read_prefix_state(path, key, tokens).has_value());
}

TEST_F(PrefixStateFile, FlippedPayloadByteIsRefused)
{
  ASSERT_TRUE(write_prefix_state(path, key, tokens, payload));
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-10, std::ios::end);
    file.put('\x01');
  }
  EXPECT_FALSE(read_prefix_state(path, key, tokens).has_value());
}

TEST_F(PrefixStateFile, TruncatedFileIsRefused)
{
  ASSERT_TRUE(write_prefix_state(path, key, tokens, payload));
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);
  EXPECT_FALSE(read_prefix_state(path, key, tokens).has_value());
}

TEST_F(PrefixStateFile, OtherKeyOrTokensAreRefused)
{
  ASSERT_TRUE(write_prefix_state(path, key, tokens, payload));
  EXPECT_FALSE(read_prefix_state(path, "ffffffffffffffffffffffffffffffff", tokens).has_value());
  EXPECT_FALSE(read_prefix_state(path, key, {1, 2, 3}).has_value());
  EXPECT_FALSE(read_prefix_state(path, key, {1, 2, 3, 4}).has_value());
}

TEST_F(PrefixStateFile, LeavesNoTemporaryFilesBehind)
{
  ASSERT_TRUE(write_prefix_state(path, key, tokens, payload));
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

} // namespace
} // namespace caro::backends
