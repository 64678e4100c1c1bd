// The statvfs free-space query behind the pre-download check.

#include "caro/models/free_space.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

namespace caro::models {
namespace {

TEST(FreeSpace, ReportsSpaceOnAnExistingDirectory)
{
  testing::TempDir dir;
  const auto space = free_space(dir.path().string());
  ASSERT_TRUE(space) << space.error().message;
  EXPECT_GT(*space, 0u);
}

TEST(FreeSpace, MissingDirectoryIsAnErrorNamingIt)
{
  const auto space = free_space("/nonexistent/caro/models");
  ASSERT_FALSE(space);
  EXPECT_NE(space.error().message.find("/nonexistent/caro/models"), std::string::npos);
}

} // namespace
} // namespace caro::models
