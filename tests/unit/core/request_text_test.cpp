#include "caro/core/request_text.h"

#include <gtest/gtest.h>

namespace caro {
namespace {

TEST(CleanRequest, CollapsesWhitespaceAndNewlines)
{
  auto cleaned = clean_request("  list\tfiles\n\nlarger than 1MB \r\n");
  ASSERT_TRUE(cleaned);
  EXPECT_EQ(*cleaned, "list files larger than 1MB");
}

TEST(CleanRequest, RejectsEmptyAndBlank)
{
  EXPECT_FALSE(clean_request(""));
  EXPECT_FALSE(clean_request(" \t\n"));
  EXPECT_NE(clean_request("   ").error().message.find("empty"), std::string::npos);
}

TEST(CleanRequest, AcceptsMultibyteUtf8)
{
  auto cleaned = clean_request("fichiers modifiés aujourd’hui 🚀");
  ASSERT_TRUE(cleaned);
  EXPECT_EQ(*cleaned, "fichiers modifiés aujourd’hui 🚀");
}

TEST(CleanRequest, RejectsInvalidUtf8WithOffset)
{
  const auto result = clean_request("abc\xC3(");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("offset 3"), std::string::npos) << result.error().message;
}

TEST(CleanRequest, RejectsNulAndControlCharacters)
{
  EXPECT_NE(clean_request(std::string("a\0b", 3)).error().message.find("NUL"), std::string::npos);
  EXPECT_NE(clean_request("a\x1b[0m").error().message.find("0x1B"), std::string::npos);
  EXPECT_NE(clean_request("a\x7f").error().message.find("0x7F"), std::string::npos);
}

TEST(CleanRequest, RejectsOversizedRequests)
{
  EXPECT_TRUE(clean_request(std::string(k_max_request_bytes, 'a')));
  const auto result = clean_request(std::string(k_max_request_bytes + 1, 'a'));
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("too long"), std::string::npos);
}

TEST(FindInvalidUtf8, FlagsOverlongSurrogatesAndTruncation)
{
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);           // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);      // UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("xy\xF4\x90\x80\x80"), 2u); // past U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xE2\x82"), 0u);           // truncated euro sign
  EXPECT_EQ(find_invalid_utf8("\xE2\x82\xAC"), std::string_view::npos);
}

} // namespace
} // namespace caro
