#include "caro/util/embedded_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace caro::util {
namespace {

TEST(EmbeddedFiles, HoldTheDataFileByteForByte)
{
  const auto embedded = embedded_file("util/data/embed_check.txt");
  ASSERT_TRUE(embedded);
  std::ifstream in(std::string(CARO_SOURCE_DIR) + "/src/caro/util/data/embed_check.txt", std::ios::binary);
  std::stringstream original;
  original << in.rdbuf();
  EXPECT_EQ(*embedded, original.str());
}

TEST(EmbeddedFiles, UnknownNamesAreAbsentAndNamesAreListed)
{
  EXPECT_FALSE(embedded_file("util/data/no-such-file"));
  const auto names = embedded_file_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "util/data/embed_check.txt"), names.end());
}

} // namespace
} // namespace caro::util
