// SHA-256 against the FIPS 180-2 test vectors, incremental hashing and files.

#include "caro/models/sha256.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

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
