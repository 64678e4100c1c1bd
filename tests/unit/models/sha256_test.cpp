// SHA-256 against the FIPS 180-2 test vectors, incremental hashing and files.

#include "caro/models/sha256.h"
#include "caro/models/sha256_compress.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace caro::models {
namespace {

TEST(Sha256, MatchesKnownVectors)
{
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, AcceleratedBlockFunctionEqualsThePortableOne)
{
  const auto accelerated = detail::sha256_compress_accelerated();
  if (accelerated == nullptr) {
    GTEST_SKIP() << "this CPU has no SHA extensions";
  }
  std::vector<unsigned char> data(64 * 37);
  for (std::size_t i = 0; i < data.size(); ++i) {
    data[i] = static_cast<unsigned char>((i * 131 + 7) ^ (i >> 3));
  }
  for (const std::size_t blocks : {std::size_t{1}, std::size_t{2}, std::size_t{37}}) {
    std::uint32_t portable[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    std::uint32_t fast[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    detail::sha256_compress_portable(portable, data.data(), blocks);
    accelerated(fast, data.data(), blocks);
    EXPECT_TRUE(std::equal(portable, portable + 8, fast)) << blocks << " blocks";
  }
}

TEST(Sha256, PaddingIsRightAroundTheBlockBoundary)
{
  // Lengths 55, 56 and 64 take the one- and two-block padding paths.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, IncrementalUpdatesEqualOneShot)
{
  const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  Sha256 hasher;
  for (const char c : text) {
    hasher.update(&c, 1);
  }
  EXPECT_EQ(hasher.finish_hex(), sha256_hex(text));
  // finish starts over
  hasher.update("abc");
  EXPECT_EQ(hasher.finish_hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, HashesAFile)
{
  testing::TempDir dir;
  const auto path = dir.write("f", std::string(3'000'000, 'a'));
  const auto hash = sha256_file(path.string());
  ASSERT_TRUE(hash);
  EXPECT_EQ(*hash, sha256_hex(std::string(3'000'000, 'a')));
}

TEST(Sha256, MissingFileIsAnErrorNamingIt)
{
  const auto hash = sha256_file("/nonexistent/caro/model.gguf");
  ASSERT_FALSE(hash);
  EXPECT_NE(hash.error().message.find("/nonexistent/caro/model.gguf"), std::string::npos);
}

TEST(Sha256, RecognisesHexDigests)
{
  EXPECT_TRUE(is_sha256_hex(std::string(64, 'a')));
  EXPECT_TRUE(is_sha256_hex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a')));
  EXPECT_FALSE(is_sha256_hex(std::string(40, 'a'))); // a git sha1 ETag
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a') + "g"));
}

} // namespace
} // namespace caro::models
