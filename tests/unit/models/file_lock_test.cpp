// flock-based lock files: exclusion, release, and deletion by the holder.

#include "caro/models/file_lock.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace caro::models {
namespace {

using std::chrono::milliseconds;

TEST(FileLock, SecondLockerIsTurnedAwayWhileTheFirstHoldsIt)
{
  testing::TempDir dir;
  const auto path = (dir.path() / "m.lock").string();
  auto first = lock_file(path, milliseconds(0));
  ASSERT_TRUE(first && first->held());
  bool waited = false;
  auto second = lock_file(path, milliseconds(100), [&] { waited = true; });
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->held());
  EXPECT_TRUE(waited);
  first->release();
  auto third = lock_file(path, milliseconds(0));
  ASSERT_TRUE(third);
  EXPECT_TRUE(third->held());
}

TEST(FileLock, DestructorReleases)
{
  testing::TempDir dir;
  const auto path = (dir.path() / "m.lock").string();
  {
    auto first = lock_file(path, milliseconds(0));
    ASSERT_TRUE(first && first->held());
  }
  auto again = lock_file(path, milliseconds(0));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->held());
}

TEST(FileLock, DeletingTheHeldLockFileDoesNotLetASecondLockerIn)
{
  testing::TempDir dir;
  const auto path = (dir.path() / "m.lock").string();
  auto first = lock_file(path, milliseconds(0));
  ASSERT_TRUE(first && first->held());
  std::filesystem::remove(path);
  // A new file means a new lock: the next locker gets it, and holds it alone.
  auto second = lock_file(path, milliseconds(0));
  ASSERT_TRUE(second && second->held());
  auto third = lock_file(path, milliseconds(0));
  ASSERT_TRUE(third);
  EXPECT_FALSE(third->held());
}

TEST(FileLock, UnwritableDirectoryIsAnError)
{
  const auto locked = lock_file("/nonexistent/dir/m.lock", milliseconds(0));
  ASSERT_FALSE(locked);
  EXPECT_NE(locked.error().message.find("/nonexistent/dir/m.lock"), std::string::npos);
}

} // namespace
} // namespace caro::models
